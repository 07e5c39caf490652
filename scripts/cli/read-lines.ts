/** Reads a text file line by line as a stream: its size is bounded by disk, not by a string. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { UsageError } from './options';

/** Feeds every line of `file` (line ends removed, CRLF or LF) to `onLine`; a missing file is a {@link UsageError}. */
export async function readLines(file: string, onLine: (line: string) => void): Promise<void> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) => reject(new UsageError(`cannot read ${file}: ${error.code ?? error.message}.`)));
  });
  await opened;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  for await (const line of lines) onLine(line);
}
