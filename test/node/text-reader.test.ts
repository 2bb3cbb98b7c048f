// The text reader under Node, where the CLI and the crawler run it: Node 20's regular expression
// engine is older than workerd's, and a pattern that is linear in workerd can be quadratic here.
import { describe, expect, it } from "vitest";
import { textToBlocks } from "../../src/extract/text";

describe("textToBlocks in Node", () => {
  it("reads a word of 200,000 letters ending in a digit in time", { timeout: 5_000 }, () => {
    const [block] = textToBlocks(`${"a".repeat(200_000)}1 ends here.`);
    expect(block!.text).toBe(`${"a".repeat(200_000)} ends here.`);
  });
});
