/**
 * A damaged file is refused with what it means and what to do first; the library's own words
 * (an XML parser's warning, pdf.js's) come after, as a detail, never as the whole message.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { NODE_READ_OPTIONS } from './node.ts';
import { ImportFailure, readPublished } from './read.ts';

async function failure(bytes: Uint8Array): Promise<ImportFailure> {
  const e = await readPublished(bytes, NODE_READ_OPTIONS).then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof ImportFailure)) throw new Error(`expected an ImportFailure, got ${String(e)}`);
  return e;
}

describe('damaged files', () => {
  test('a .docx whose document.xml is broken', async () => {
    const e = await failure(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document a="b>not xml') }));
    expect(e.code).toBe('brokenDocx');
    expect(e.text.zh).toMatch(/^Word 文档已损坏，无法读取：请在 Word 或 WPS 中打开后另存为 \.docx 再导入（详情：.+）$/);
    expect(e.text.en).toMatch(/^The Word document is damaged and cannot be read: open it in Word or WPS.*\(detail: .+\)$/);
  });

  test('a PDF with a broken structure', async () => {
    const e = await failure(new TextEncoder().encode('%PDF-1.7\n garbage\n%%EOF'));
    expect(e.code).toBe('brokenPdf');
    expect(e.text.zh).toMatch(/^PDF 已损坏，无法读取：请重新下载该 PDF，或改用网页、Word 文件（详情：.+）$/);
    expect(e.text.en).toMatch(/^The PDF is damaged and cannot be read: .*\(detail: .+\)$/);
  });
});
