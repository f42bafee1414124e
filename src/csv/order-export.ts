/**
 * Reading a back office's own order export, for reconciling: recognise how the file is laid out,
 * read its rows in resumable chunks, group them into orders. Pure: no browser API, no storage.
 */
export {
  recogniseOrderExport,
  previewOrderExport,
  firstOrderRow,
  mappingHeaderKey,
  type OrderExportRecognition,
  type RecogniseOptions,
} from './order-export-recognise';
export { readOrderRows, type OrderRowsRead } from './order-export-read';
export { groupOrders, type GroupedOrders } from './order-export-group';
export {
  orderExportLayoutProblem,
  orderExportFieldLabel,
  ORDER_EXPORT_SYNONYMS,
} from './order-export-layout';
export { BUILT_IN_ORDER_EXPORTS, type BuiltInOrderExport } from './order-export-formats';
export type { TextPosition } from './order-export-text';
