/** JavaScript and CSS bytes of each built Custom UI app, raw and gzip. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface UiFigures {
  app: string;
  jsBytes: number;
  jsGzipBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
}

const STATIC = join(__dirname, '..', 'static');

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

export const measureUis = (): UiFigures[] =>
  readdirSync(STATIC)
    .filter((app) => existsSync(join(STATIC, app, 'dist', 'index.html')))
    .map((app) => {
      const all = files(join(STATIC, app, 'dist'));
      const sum = (ext: string) => {
        const chosen = all.filter((f) => extname(f) === ext).map((f) => readFileSync(f));
        return {
          raw: chosen.reduce((n, b) => n + b.length, 0),
          gzip: chosen.reduce((n, b) => n + gzipSync(b).length, 0),
        };
      };
      const js = sum('.js');
      const css = sum('.css');
      return { app, jsBytes: js.raw, jsGzipBytes: js.gzip, cssBytes: css.raw, cssGzipBytes: css.gzip };
    });
