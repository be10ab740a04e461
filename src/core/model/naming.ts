/**
 * Output names mirror the server layout: the format's extension is appended unless the document
 * name already ends with it (`lorem.txt` → `lorem.txt.json`, but `weather.csv` stays `weather.csv`).
 */
export function outputFileName(documentName: string, extension: string): string {
  if (!extension) return documentName;
  const ext = extension.startsWith('.') ? extension : `.${extension}`;
  return documentName.toLowerCase().endsWith(ext.toLowerCase()) ? documentName : documentName + ext;
}

/**
 * Project folder name as the server writes it: `<name>-<id>`, `[` and `]` become `_` (confirmed);
 * `/ \ : * ? " < > |` and control characters become `_` (decided).
 */
export function projectFolderName(name: string, id: string): string {
  return `${sanitizePathPart(name)}-${sanitizePathPart(id)}`;
}

export function sanitizePathPart(part: string): string {
  // eslint-disable-next-line no-control-regex
  return part.replace(/[[\]/\\:*?"<>|\u0000-\u001f\u007f]/g, '_');
}

/** `ROOT-<user>` / `DOCUMENT-<user>` user part: the e-mail with `.` and `@` replaced by `_`. */
export function cabinetUserPart(email: string): string {
  return sanitizePathPart(email.replace(/[.@]/g, '_'));
}
