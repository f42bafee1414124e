import { Fragment } from 'preact';
import { t } from '../../domain/i18n';
import type { DocumentField, DocumentTable } from '../../pdf/document-layout';
import type { ReceiptLayout } from '../../pdf/receipt-layout';

/**
 * A receipt layout as HTML, for the template editor's live preview: the same layout the PDF is
 * drawn from, every value rendered as text.
 */
export function ReceiptPreview(props: { layout: ReceiptLayout }) {
  const { layout } = props;
  return (
    <section aria-label={t('receipt_preview')} class="receipt-preview">
      <header class="receipt-shop">
        {/* Decorative here: the shop's name follows as text. */}
        {layout.shop.logo ? <img src={layout.shop.logo} alt="" class="receipt-logo" /> : null}
        <p class="receipt-shop-name">{layout.shop.name}</p>
        {layout.shop.addressLines.map((line, index) => (
          <p key={index} class="muted">
            {line}
          </p>
        ))}
      </header>
      <h3>{layout.title}</h3>
      <p class={layout.paid ? 'muted' : undefined}>{layout.date}</p>

      <h4>{t('receipt_seller')}</h4>
      <p class="receipt-seller">
        <strong>{layout.seller.name}</strong>
        {layout.seller.details.map((detail, index) => (
          <span key={index}>{detail}</span>
        ))}
      </p>
      <Fields fields={layout.seller.identification} />

      <AmountsTable caption={t('receipt_items')} table={layout.items} totals={[layout.total]} />

      {layout.payment.length > 0 ? (
        <>
          <h4>{t('receipt_payment')}</h4>
          <Fields fields={layout.payment} />
        </>
      ) : null}

      {layout.tradeIn ? (
        <>
          <h4>{layout.tradeIn.heading}</h4>
          <AmountsTable
            caption={t('receipt_purchase')}
            table={layout.tradeIn.purchase}
            totals={layout.tradeIn.totals}
          />
          <p class="total">
            <strong>{layout.tradeIn.difference}</strong>
          </p>
        </>
      ) : null}

      {layout.terms.length > 0 ? (
        <>
          <h4>{t('receipt_terms_heading')}</h4>
          {layout.terms.map((paragraph, index) => (
            <p key={index} class="receipt-terms">
              {paragraph}
            </p>
          ))}
        </>
      ) : null}

      <div class="receipt-signatures">
        {layout.signatures.map((label) => (
          <p key={label}>{label}</p>
        ))}
      </div>
    </section>
  );
}

function Fields(props: { fields: readonly DocumentField[] }) {
  if (props.fields.length === 0) return null;
  return (
    <dl class="fields">
      {props.fields.map((field) => (
        <Fragment key={field.label}>
          <dt>{field.label}</dt>
          <dd>{field.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function AmountsTable(props: { caption: string; table: DocumentTable; totals: readonly DocumentField[] }) {
  const { columns, rows } = props.table;
  const numeric = (align: 'left' | 'right') => (align === 'right' ? 'num' : undefined);
  return (
    <table class="receipt-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.label} scope="col" class={numeric(column.align)}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {row.map((cell, index) => (
              <td key={index} class={numeric(columns[index]?.align ?? 'left')}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        {props.totals.map((total) => (
          <tr key={total.label}>
            <th scope="row" colSpan={Math.max(1, columns.length - 1)} class="num">
              {total.label}
            </th>
            <td class="num">
              <strong>{total.value}</strong>
            </td>
          </tr>
        ))}
      </tfoot>
    </table>
  );
}
