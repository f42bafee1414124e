import { z } from 'zod';
import { Instant } from './dates';
import { t, uiLanguage } from './i18n';

/** The largest file a buy-back takes: a phone photo fits, a video does not. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** What a buy-back accepts: photos of the ID and the device, and scanned documents. */
export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'application/pdf',
] as const;

/**
 * A file kept with a buy-back. The bytes are a Blob in the database; the file never travels
 * through runtime messages (they are JSON, and a Blob would arrive empty).
 */
export const AttachmentMeta = z.object({
  id: z.uuid(),
  buyBackId: z.uuid(),
  name: z.string().trim().min(1).max(255),
  type: z.enum(ATTACHMENT_TYPES),
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  /** Hex SHA-256 of the bytes, so a copy can be checked against what was stored. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: Instant,
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

export type Attachment = AttachmentMeta & { blob: Blob };

/**
 * What is wrong with a file offered as an attachment, or null when it may be kept. The type is
 * judged by the file's first bytes as well as its name's type: a renamed file is refused.
 */
export function attachmentProblem(
  file: { name: string; type: string; size: number },
  head: Uint8Array,
): string | null {
  if (file.size === 0) return t('domain_attachment_empty', file.name);
  if (file.size > MAX_ATTACHMENT_BYTES) {
    const megabytes = new Intl.NumberFormat(uiLanguage(), {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    return t('domain_attachment_too_big', file.name, megabytes.format(file.size / 1024 / 1024));
  }
  const sniffed = sniffType(head);
  if (!sniffed || !(ATTACHMENT_TYPES as readonly string[]).includes(file.type) || sniffed !== file.type) {
    return t('domain_attachment_wrong_type', file.name);
  }
  return null;
}

const SIGNATURES: readonly {
  type: (typeof ATTACHMENT_TYPES)[number];
  bytes: readonly number[];
  offset?: number;
}[] = [
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'image/webp', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/** The type a file's first bytes announce, among the accepted ones. */
export function sniffType(head: Uint8Array): (typeof ATTACHMENT_TYPES)[number] | null {
  for (const signature of SIGNATURES) {
    const offset = signature.offset ?? 0;
    if (signature.bytes.every((byte, index) => head[offset + index] === byte)) return signature.type;
  }
  return null;
}
