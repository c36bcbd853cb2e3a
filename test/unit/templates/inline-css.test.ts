import { inlineCss } from '../../../src/templates/inline-css';

const page = (style: string, body: string) =>
  `<!DOCTYPE html>\n<html><head><style>${style}</style></head><body>${body}</body></html>`;

describe('inlineCss', () => {
  it('moves class rules into style attributes and drops the rules it inlined', () => {
    expect(
      inlineCss(
        page(
          '.note { color: #172b4d; font-size: 15px; } .card a { color: #0052cc; }',
          '<p class="note">Hi <a href="x">y</a></p><div class="card"><a href="z">z</a></div>',
        ),
      ),
    ).toBe(
      '<!DOCTYPE html>\n<html><head></head><body>' +
        '<p class="note" style="color: #172b4d; font-size: 15px;">Hi <a href="x">y</a></p>' +
        '<div class="card"><a href="z" style="color: #0052cc;">z</a></div></body></html>',
    );
  });

  it('keeps @media rules in a <style> in the head for phones', () => {
    const html = inlineCss(
      page(
        '.card { padding: 24px; } @media only screen and (max-width: 600px) { .card { padding: 16px !important; } }',
        '<div class="card">x</div>',
      ),
    );
    expect(html).toBe(
      '<!DOCTYPE html>\n<html><head><style>\n@media only screen and (max-width: 600px) {\n  .card {\n    padding: 16px !important;\n  }\n}\n</style></head>' +
        '<body><div class="card" style="padding: 24px;">x</div></body></html>',
    );
  });

  it('gives table cells the attributes Outlook reads', () => {
    expect(
      inlineCss(
        page(
          '.cell { background-color: #ffffff; vertical-align: top; width: 120px; text-align: right; }',
          '<table><tr><td class="cell">x</td></tr></table>',
        ),
      ),
    ).toContain(
      '<td class="cell" style="background-color: #ffffff; vertical-align: top; width: 120px; text-align: right;" width="120" bgcolor="#ffffff" valign="top" align="right">x</td>',
    );
  });

  it('leaves entities, comments and Outlook conditionals as written', () => {
    const body =
      '<!--[if mso]><table><tr><td><![endif]--><p>a &amp; b &lt;c&gt; &#39;d&#39; é</p><!--[if mso]></td></tr></table><![endif]-->';
    expect(inlineCss(page('', body))).toBe(`<!DOCTYPE html>\n<html><head></head><body>${body}</body></html>`);
  });

  it('keeps a style attribute’s own declarations over the stylesheet’s', () => {
    expect(inlineCss(page('p { color: red; }', '<p style="color: blue">x</p>'))).toContain(
      '<p style="color: blue;">x</p>',
    );
  });
});
