const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSM_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.12';

/** Hand the bytes to the browser as a download; nothing is uploaded anywhere. */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const type = /\.xlsm$/i.test(fileName) ? XLSM_TYPE : XLSX_TYPE;
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
