/**
 * Every match of a global pattern in the text, the same as `[...text.matchAll(pattern)]`.
 * `matchAll` copies the pattern on every call (the specification builds a new RegExp for its
 * iterator); the report analyser runs patterns thousands of times per report, and those copies
 * were a measurable share of its time. The pattern's `lastIndex` is left at 0. With `until`,
 * the scan stops after the first match for which it returns true.
 */
export function execAll(pattern: RegExp, text: string, until?: (match: RegExpExecArray) => boolean): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`execAll needs a global pattern: ${pattern}`);
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    if (until?.(match)) break;
    // An empty match would repeat forever; step past it as matchAll does.
    if (match[0] === "") pattern.lastIndex += pattern.unicode && (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  pattern.lastIndex = 0;
  return found;
}
