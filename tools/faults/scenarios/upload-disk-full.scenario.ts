import { createHash, randomBytes } from 'node:crypto';
import { chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { credentialHeaders, errorOf, leaksInternals, request, type Credential, type HttpResult } from '../harness/http-client';
import { run } from '../harness/processes';
import { expectThat, type FaultScenario } from '../scenario';

/** Uploads live in PostgreSQL (bytea); these tables get the small volume. */
const UPLOAD_TABLES = ['chat_blob', 'document_image'];
const TABLESPACE = 'faults_uploads';
const VOLUME_MB = 4;
const FILE_BYTES = 1024 * 1024;

type TrpcData<T> = { result?: { data?: { json?: T } } } | null;

/** A gzip-looking file of incompressible bytes (the chat accepts gzip; random bytes do not shrink in TOAST). */
function randomFile(): Buffer {
  const bytes = randomBytes(FILE_BYTES);
  bytes[0] = 0x1f;
  bytes[1] = 0x8b;
  return bytes;
}

/**
 * The volume holding uploaded files fills up. Uploads are stored in PostgreSQL, so the upload
 * tables are moved to a tablespace on a tmpfs of a few MB (the rest of the database, and its WAL,
 * stay where they are, as on a server whose file volume is separate). Uploads must then fail with
 * a clear 503, leave no row or blob behind, not disturb the rest of the system, and work again as
 * soon as the volume has space (the tmpfs is remounted bigger). Needs root (mount); without it the
 * scenario says it was skipped.
 */
export const uploadDiskFull: FaultScenario = {
  name: 'upload-disk-full',
  summary: `the volume of uploaded files (${VOLUME_MB} MB tmpfs tablespace) fills up, then gets space back`,
  async run({ system, step, onCleanup }) {
    const volume = join(system.root, 'uploads-volume');
    let session: Credential = null;
    let channelId = '';
    let refused: Buffer | null = null;
    let accepted = 0;
    const counts = () => {
      const [[attachments, blobs, orphans]] = system.sql(
        `SELECT (SELECT count(*) FROM chat_attachment), (SELECT count(*) FROM chat_blob), (SELECT count(*) FROM chat_attachment a WHERE NOT EXISTS (SELECT 1 FROM chat_blob b WHERE b.sha256 = a.sha256))`,
      ) as [[string, string, string]];
      return { attachments: Number(attachments), blobs: Number(blobs), orphans: Number(orphans) };
    };
    const upload = (bytes: Buffer, name: string): Promise<HttpResult> =>
      request(
        `${system.baseUrl}/api/uploads/chat/${channelId}/attachments?name=${encodeURIComponent(name)}`,
        { method: 'PUT', headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.byteLength), origin: system.baseUrl, ...credentialHeaders(session) }, body: new Uint8Array(bytes) },
        20_000,
      );
    let before = { attachments: 0, blobs: 0, orphans: 0 };

    if (process.getuid?.() !== 0) {
      await step('skipped: mounting a small volume needs root', async () => 'run as root to include this scenario');
      return;
    }

    await step('before: an upload works', async () => {
      session = await system.signIn('staff@example.org');
      const channels = await system.trpcQuery('chat.channels', {}, session, 60_000);
      const channel = (channels.json as TrpcData<{ items: { id: string; kind: string }[] }>)?.result?.data?.json?.items.find((c) => c.kind === 'general');
      expectThat(channel, `no general channel: ${channels.text.slice(0, 200)}`);
      channelId = channel.id;
      const first = await upload(Buffer.from('a small text file\n'), 'before.txt');
      expectThat(first.status === 201, `upload → ${first.status} ${first.text.slice(0, 200)}`);
      before = counts();
      return `201 in ${first.ms} ms`;
    });

    await step(`move the upload tables to a ${VOLUME_MB} MB volume`, async () => {
      mkdirSync(volume, { recursive: true });
      run('mount', ['-t', 'tmpfs', '-o', `size=${VOLUME_MB}m,mode=0700`, 'tmpfs', volume]);
      onCleanup(async () => {
        try {
          system.sql(UPLOAD_TABLES.map((t) => `ALTER TABLE ${t} SET TABLESPACE pg_default;`).join(' '));
          system.sql('CHECKPOINT'); // the moved tables' old files go now
          system.sql(`DROP TABLESPACE IF EXISTS ${TABLESPACE}`);
        } finally {
          // PostgreSQL backends may still hold descriptors of the removed files: detach lazily then.
          try {
            run('umount', [volume]);
          } catch {
            run('umount', ['-l', volume]);
          }
        }
      });
      const owner = Number(run('id', ['-u', 'postgres']).trim());
      const group = Number(run('id', ['-g', 'postgres']).trim());
      chownSync(volume, owner, group);
      system.sql(`CREATE TABLESPACE ${TABLESPACE} LOCATION '${volume}'`);
      system.sql(UPLOAD_TABLES.map((t) => `ALTER TABLE ${t} SET TABLESPACE ${TABLESPACE};`).join(' '));
      return `tmpfs ${volume} (${VOLUME_MB} MB), tablespace ${TABLESPACE}: ${UPLOAD_TABLES.join(', ')}`;
    });

    await step('fill it: uploads are refused with a clear 503', async () => {
      let last: HttpResult | null = null;
      for (let i = 0; i < VOLUME_MB * 2 && !refused; i++) {
        const file = randomFile();
        last = await upload(file, `fill-${i}.gz`);
        if (last.status === 201) accepted += 1;
        else refused = file;
      }
      expectThat(last && refused, `${accepted} files of 1 MB fitted on a ${VOLUME_MB} MB volume: no refusal`);
      expectThat(last.status === 503, `a full volume → ${last.status} ${last.error ?? last.text.slice(0, 300)}`);
      expectThat(!leaksInternals(last.text), `the refusal leaks internals: ${last.text.slice(0, 300)}`);
      const message = errorOf(last).message ?? '';
      expectThat(/storage space/i.test(message), `the message does not say what is wrong: ${last.text.slice(0, 300)}`);
      expectThat(last.ms < 5_000, `the refusal took ${last.ms} ms`);
      return `${accepted} × 1 MB accepted, then 503 in ${last.ms} ms: "${message}"`;
    });

    await step('nothing half-written', async () => {
      const now = counts();
      expectThat(now.attachments === before.attachments + accepted && now.blobs === before.blobs + accepted, `rows ${JSON.stringify(before)} → ${JSON.stringify(now)} after ${accepted} accepted uploads`);
      expectThat(now.orphans === 0, `${now.orphans} attachment rows without their file`);
      const sha = createHash('sha256').update(refused!).digest('hex');
      expectThat(system.sql(`SELECT 1 FROM chat_blob WHERE sha256 = '${sha}'`).length === 0, 'the refused file was stored');
      return `${now.attachments} attachment rows, ${now.blobs} blobs: exactly the accepted uploads`;
    });

    await step('the rest keeps working while the volume is full', async () => {
      const health = await system.health();
      expectThat(health.status === 200, `health → ${health.status} ${health.text}`);
      const sent = await system.trpcMutation('chat.send', { id: channelId, clientId: `faults-disk-${randomBytes(4).toString('hex')}`, body: 'still here while the upload volume is full' }, session);
      expectThat(sent.status === 200, `chat.send → ${sent.status} ${sent.text.slice(0, 200)}`);
      return `health 200, a chat message sent in ${sent.ms} ms`;
    });

    await step('space returns: the refused upload now succeeds', async () => {
      run('mount', ['-o', `remount,size=${VOLUME_MB * 16}m`, volume]);
      const again = await upload(refused!, 'after.gz');
      expectThat(again.status === 201, `upload after space returned → ${again.status} ${again.text.slice(0, 200)}`);
      const { url } = again.json as { url: string };
      const download = await fetch(`${system.baseUrl}${url}`, { headers: credentialHeaders(session) });
      const body = Buffer.from(await download.arrayBuffer());
      expectThat(download.status === 200 && body.equals(refused!), `download → ${download.status}, ${body.byteLength} bytes`);
      return `remounted at ${VOLUME_MB * 16} MB: 201 in ${again.ms} ms, the same bytes read back`;
    });
  },
};
