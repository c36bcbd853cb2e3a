/** @joplin/turndown-plugin-gfm (CommonJS, ships no types): GitHub-flavoured tables, strikethrough, task lists. */
declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';

  export const gfm: TurndownService.Plugin;
}
