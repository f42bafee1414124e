import { pageText, type PageProduct, type ProductReader } from './product-reader';

/**
 * Any page that describes its product with schema.org, as shops and many back offices do for
 * search engines: JSON-LD first (a Product at the top, in an @graph, or as a page's mainEntity),
 * then microdata (itemtype Product). A page describing several products (a list) has no one
 * product to capture, and gives none.
 * https://schema.org/Product · https://schema.org/Offer
 */
export const schemaOrgProduct: ProductReader = {
  id: 'schema-org',
  name: 'schema.org Product',
  examples: ['https://shop.example/p/hand-cream', 'http://127.0.0.1:5178/any/page'],
  matches: () => true,
  detect: (doc) =>
    doc.querySelector('script[type="application/ld+json"], [itemscope][itemtype*="schema.org/"]') !== null,
  read: (doc) => jsonLdProduct(doc) ?? microdataProduct(doc),
};

type Json = Record<string, unknown>;

// Caps on what a hostile or huge page can make the reader walk.
const MAX_SCRIPTS = 20;
const MAX_SCRIPT_LENGTH = 1_000_000;
const MAX_ITEMS = 50;

const PRODUCT_TYPE = /^(?:.*[/:#])?(?:Product|IndividualProduct|ProductModel)$/;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

function jsonLdProduct(doc: Document): PageProduct | null {
  const products = new Set<Json>();
  const scripts = [...doc.querySelectorAll('script[type="application/ld+json"]')].slice(0, MAX_SCRIPTS);
  for (const script of scripts) {
    const source = script.textContent ?? '';
    if (source.length > MAX_SCRIPT_LENGTH) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch {
      // Broken JSON-LD is common; another block, or the microdata, may still say it.
      continue;
    }
    for (const node of topNodes(parsed)) {
      if (isProduct(node)) products.add(node);
      // A product page often is a WebPage (or ItemPage) whose mainEntity is the product.
      for (const entity of list(node['mainEntity']).filter(isObject)) {
        if (isProduct(entity)) products.add(entity);
      }
    }
  }
  const [product, ...others] = products;
  return product && others.length === 0 ? fromJsonLd(product) : null;
}

/** The nodes of a JSON-LD block: the top one, those of a top-level array, and those of an @graph. */
function topNodes(parsed: unknown): Json[] {
  return list(parsed)
    .filter(isObject)
    .flatMap((node) => (node['@graph'] === undefined ? [node] : list(node['@graph']).filter(isObject)));
}

function isProduct(node: Json): boolean {
  return list(node['@type']).some((type) => typeof type === 'string' && PRODUCT_TYPE.test(type));
}

/** A property's text: a string or number as written, an object's @value or name, an array's first. */
function jsonText(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return pageText(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (depth > 3) return undefined;
  if (Array.isArray(value)) return jsonText(value[0], depth + 1);
  if (isObject(value)) return jsonText(value['@value'] ?? value['name'], depth + 1);
  return undefined;
}

function fromJsonLd(product: Json): PageProduct {
  const offer = firstPricedOffer(product['offers']);
  const specification = isObject(offer?.['priceSpecification']) ? offer['priceSpecification'] : undefined;
  return {
    reader: 'schema-org',
    sku: jsonText(product['sku']),
    name: jsonText(product['name']),
    price: jsonText(offer?.['price'] ?? offer?.['lowPrice'] ?? specification?.['price']),
    currency: jsonText(offer?.['priceCurrency'] ?? specification?.['priceCurrency']),
    barcode: barcodeOf((property) => jsonText(product[property])),
    category: jsonText(product['category']),
  };
}

/** The first offer that states a price; offers may be one object, an array, or an AggregateOffer's. */
function firstPricedOffer(offers: unknown): Json | undefined {
  const candidates = list(offers)
    .filter(isObject)
    .flatMap((offer) => [offer, ...list(offer['offers']).filter(isObject)]);
  return (
    candidates.find(
      (offer) =>
        offer['price'] !== undefined ||
        offer['lowPrice'] !== undefined ||
        isObject(offer['priceSpecification']),
    ) ?? candidates[0]
  );
}

// The GTIN properties, the most specific first; any of them is the barcode.
const GTIN_PROPERTIES = ['gtin13', 'gtin12', 'gtin8', 'gtin14', 'gtin'] as const;

function barcodeOf(read: (property: string) => string | undefined): string | undefined {
  for (const property of GTIN_PROPERTIES) {
    const value = read(property);
    if (value) return value;
  }
  return undefined;
}

function microdataProduct(doc: Document): PageProduct | null {
  const scopes = [...doc.querySelectorAll('[itemscope][itemtype]')]
    .slice(0, MAX_ITEMS)
    .filter((scope) => isProductItem(scope) && isPageSubject(scope));
  const [product, ...others] = scopes;
  if (!product || others.length > 0) return null;
  const offer = ownProperty(product, 'offers');
  const offerScope = offer?.hasAttribute('itemscope') ? offer : undefined;
  const fromOffer = (name: string) => (offerScope ? itemValue(ownProperty(offerScope, name)) : undefined);
  const own = (name: string) => itemValue(ownProperty(product, name));
  return {
    reader: 'schema-org',
    sku: own('sku'),
    name: own('name'),
    price: fromOffer('price') ?? fromOffer('lowPrice'),
    currency: fromOffer('priceCurrency'),
    barcode: barcodeOf(own),
    category: own('category'),
  };
}

function isProductItem(scope: Element): boolean {
  return (scope.getAttribute('itemtype') ?? '')
    .split(/\s+/)
    .some((type) => /^https?:\/\/schema\.org\/(?:Product|IndividualProduct|ProductModel)$/.test(type));
}

/** A product that is a property of another item (a list's element, an order's item) is not the page's. */
function isPageSubject(scope: Element): boolean {
  const property = scope.getAttribute('itemprop');
  return property === null || /\bmainEntity\b/.test(property);
}

/** The first element carrying `name` for this item itself, not for an item nested in it. */
function ownProperty(scope: Element, name: string): Element | undefined {
  for (const element of scope.querySelectorAll(`[itemprop~="${name}"]`)) {
    if (element.parentElement?.closest('[itemscope]') === scope) return element;
  }
  return undefined;
}

/** A microdata value: a meta's content, a link's href, a data or meter value, else the text. */
function itemValue(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  const attribute = element.hasAttribute('content')
    ? 'content'
    : /^(A|LINK)$/.test(element.tagName)
      ? 'href'
      : /^(DATA|METER)$/.test(element.tagName)
        ? 'value'
        : undefined;
  if (attribute) return pageText(element.getAttribute(attribute));
  if (element.hasAttribute('itemscope')) return itemValue(ownProperty(element, 'name'));
  return pageText(element.textContent);
}
