/**
 * Turns a chosen file into plain text for the document check, entirely in the browser.
 * - `.txt` and `.md`: the text as it is (Markdown marks are punctuation to the checker; `#`
 *   headings and list items still end sentences).
 * - `.html`/`.htm`: parsed with `DOMParser` (an inert document: scripts never run, nothing loads),
 *   `script`, `style`, `template`, `noscript` and hidden parts removed, block elements separated by
 *   blank lines so headings and paragraphs stay separate sentences, then `textContent`.
 */

export const ACCEPTED_FILES = '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';

/** Largest file read (10 MB is far beyond any policy; stops a mistaken video upload hanging the page). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const BLOCKS =
  'p,li,dt,dd,h1,h2,h3,h4,h5,h6,div,section,article,header,footer,aside,main,nav,blockquote,pre,tr,td,th,caption,figcaption,address,br,hr';

export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script,style,template,noscript,iframe,object,svg,[hidden],[aria-hidden="true"]').forEach((n) => n.remove());
  doc.querySelectorAll(BLOCKS).forEach((n) => n.append(doc.createTextNode('\n\n')));
  const text = doc.body?.textContent ?? '';
  return text.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

export function isHtmlFile(file: Pick<File, 'name' | 'type'>): boolean {
  return /\.html?$/i.test(file.name) || file.type === 'text/html';
}

export function isAcceptedFile(file: Pick<File, 'name' | 'type'>): boolean {
  return /\.(txt|md|markdown|html?)$/i.test(file.name) || /^text\/(plain|markdown|html)$/.test(file.type);
}

export async function fileToText(file: File): Promise<string> {
  const raw = await file.text();
  return isHtmlFile(file) ? htmlToText(raw) : raw;
}
