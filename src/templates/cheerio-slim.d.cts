/** cheerio-slim.cjs: cheerio/slim's CommonJS build, as juice's core gets its `entities`. */
export { type CheerioAPI, load } from 'cheerio/slim';
