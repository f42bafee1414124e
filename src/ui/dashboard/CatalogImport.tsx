import { FileButton } from '../FileButton';
import type { DashboardModel } from './dashboard-model';

/** Import the catalog from a back office's product CSV; re-importing updates by SKU. */
export function CatalogImport(props: { model: DashboardModel }) {
  const { model } = props;
  const report = model.catalogReport.value;
  return (
    <section aria-labelledby="catalog-heading" class="card">
      <h2 id="catalog-heading">Catalog</h2>
      <p class="muted">{model.productCount.value} products.</p>
      <FileButton
        accept=".csv,text/csv"
        disabled={model.busy.value}
        onFile={(file) => void model.importCatalogFile(file)}
      >
        Import catalog
      </FileButton>
      {report ? (
        <div role="status">
          <p>
            {report.fileName}: {report.created} new, {report.updated} updated, {report.unchanged} unchanged,{' '}
            {report.rejected.length} rejected.
          </p>
          {report.rejected.length > 0 ? (
            <ul aria-label="Rejected rows">
              {report.rejected.slice(0, 50).map((row) => (
                <li key={row.line}>
                  Line {row.line}: {row.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
