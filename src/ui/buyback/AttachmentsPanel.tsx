import { ATTACHMENT_TYPES, type AttachmentMeta } from '../../domain/attachment';
import { t } from '../../domain/i18n';
import { formatCount } from '../../domain/locale-format';
import { FileButton } from '../FileButton';
import type { BuyBackModel } from './buyback-model';

/** Photos of the ID and the device, and scanned papers: kept with the buy-back, previewed here. */
export function AttachmentsPanel(props: { model: BuyBackModel; editable: boolean }) {
  const { model } = props;
  return (
    <section class="card" aria-labelledby="attachments-heading">
      <h3 id="attachments-heading">{t('buyback_attachments')}</h3>
      {model.attachments.value.length === 0 ? <p class="muted">{t('buyback_no_attachments')}</p> : null}
      <ul class="attachments">
        {model.attachments.value.map((file) => (
          <AttachmentCard
            key={file.id}
            file={file}
            preview={model.previews.value.get(file.id)}
            editable={props.editable}
            model={model}
          />
        ))}
      </ul>
      <FileButton
        accept={ATTACHMENT_TYPES.join(',')}
        class="secondary"
        onFile={(file) => void model.attach(file)}
      >
        {t('buyback_attach_file')}
      </FileButton>
      <p class="muted">{t('buyback_attachments_hint')}</p>
    </section>
  );
}

function AttachmentCard(props: {
  file: AttachmentMeta;
  preview: string | undefined;
  editable: boolean;
  model: BuyBackModel;
}) {
  const { file, model } = props;
  return (
    <li>
      {file.type.startsWith('image/') && props.preview ? (
        <img src={props.preview} alt={file.name} class="attachment-preview" />
      ) : (
        <span class="attachment-preview pdf" aria-hidden="true">
          PDF
        </span>
      )}
      <span class="attachment-name">
        {file.name}{' '}
        <span class="muted">{t('buyback_size_kb', formatCount(Math.round(file.size / 1024)))}</span>
      </span>
      <button type="button" class="link" onClick={() => void model.downloadAttachment(file.id)}>
        {t('buyback_download_file', file.name)}
      </button>
      {props.editable ? (
        <button type="button" class="link" onClick={() => void model.detach(file.id)}>
          {t('buyback_remove_file', file.name)}
        </button>
      ) : null}
    </li>
  );
}
