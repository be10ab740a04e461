import { Zip, ZipDeflate } from 'fflate';

/**
 * One ZIP of every output, with the paths the CLI writes under --out. Built with fflate (already
 * the core's inflate) as a stream of chunks gathered into a Blob, so the archive is never one
 * contiguous copy in this worker's memory; each file's bytes are read only while it is deflated.
 */
export async function zipFiles(files: ReadonlyArray<{ path: string; blob: Blob }>): Promise<Blob> {
  const chunks: Uint8Array[] = [];
  let failed: Error | null = null;
  const archive = new Zip((error, chunk) => {
    if (error) failed = error;
    else chunks.push(chunk);
  });
  for (const file of files) {
    const entry = new ZipDeflate(file.path, { level: 6 });
    archive.add(entry);
    entry.push(new Uint8Array(await file.blob.arrayBuffer()), true);
    if (failed) throw failed;
  }
  archive.end();
  if (failed) throw failed;
  return new Blob(chunks as BlobPart[], { type: 'application/zip' });
}
