/**
 * One embedded index: its settings, documents, text postings and filter postings.
 *
 * Every version of a document gets a fresh slot (append-only postings, see text-index.ts); `#order` keeps the
 * position of the document's first insertion so a replaced document keeps its place in placeholder results, as it
 * does in Meilisearch.
 */
import type { IndexSettings, SearchDocument, SearchHit, SearchResult } from '../../port.js';
import type { ResolvedSearchOptions } from '../../validate.js';
import { FacetIndex, type Slots } from './facet-index.js';
import { fieldText } from './fields.js';
import { fieldOf, Shapes, unpack, type PackedDocument } from './packed.js';
import { buildTermGroups, compileSynonyms, type CompiledSynonyms } from './query.js';
import { TextIndex } from './text-index.js';
import type { Tokenizer } from './tokenizer.js';
import { topK } from './top-k.js';

/** Rebuild once this many dead slots exist beyond the live ones (keeps per-slot arrays proportional to live docs). */
const REBUILD_SLACK = 4096;

/** Weight of the i-th searchable attribute: earlier attributes weigh more, as Meilisearch's `attribute` rule. */
export function attributeWeight(position: number): number {
  return 1 / (1 + 0.5 * position);
}

/** Filters matching at least this many documents have their mask kept (see #masks), at most this many masks. */
const MASK_CACHE_MIN_SLOTS = 512;
const MASK_CACHE_SIZE = 32;

export class IndexStore {
  readonly settings: IndexSettings;
  readonly #tokenizer: Tokenizer;
  readonly #synonyms: CompiledSynonyms;
  #text: TextIndex;
  #facets: FacetIndex;
  /** id → current slot, in first-insertion order (Map keeps a key's position when its value changes). */
  readonly #slots = new Map<string, number>();
  /** Documents by slot, packed (see packed.ts); undefined once the slot is dead. */
  #documents: (PackedDocument | undefined)[] = [];
  #shapes = new Shapes();
  #order: number[] = [];
  #nextOrder = 0;
  /**
   * Slot masks of recent broad filters (`type = posting AND kind = need`…), keyed by the filter. Building one
   * means walking tens of thousands of slots, and the same few filters come back on every match, so they are kept
   * until the next write. Narrow filters (a few ids) are cheap to build and not kept.
   */
  #masks = new Map<string, Uint8Array>();

  constructor(settings: IndexSettings, tokenizer: Tokenizer) {
    this.settings = settings;
    this.#tokenizer = tokenizer;
    this.#synonyms = compileSynonyms(settings.synonyms, tokenizer);
    this.#text = this.#newTextIndex();
    this.#facets = new FacetIndex(settings.filterableAttributes);
  }

  /** A store with new settings and the same documents, in the same order. */
  withSettings(settings: IndexSettings): IndexStore {
    const next = new IndexStore(settings, this.#tokenizer);
    next.upsert(this.#liveDocuments());
    return next;
  }

  get size(): number {
    return this.#slots.size;
  }

  upsert(documents: SearchDocument[]): void {
    this.#masks.clear();
    for (const document of documents) {
      const previous = this.#slots.get(document.id);
      let order: number;
      if (previous === undefined) {
        order = this.#nextOrder++;
      } else {
        order = this.#order[previous]!;
        this.#retire(previous);
      }
      const slot = this.#documents.length;
      this.#documents.push(this.#shapes.pack(document));
      this.#order.push(order);
      this.#slots.set(document.id, slot);
      this.#text.add(slot, this.#texts(document));
      this.#facets.add(slot, document);
    }
    this.#maybeRebuild();
  }

  remove(ids: string[]): void {
    this.#masks.clear();
    for (const id of ids) {
      const slot = this.#slots.get(id);
      if (slot === undefined) continue;
      this.#retire(slot);
      this.#slots.delete(id);
    }
    this.#maybeRebuild();
  }

  clear(): void {
    this.#masks.clear();
    this.#slots.clear();
    this.#documents = [];
    this.#shapes = new Shapes();
    this.#order = [];
    this.#nextOrder = 0;
    this.#text = this.#newTextIndex();
    this.#facets = new FacetIndex(this.settings.filterableAttributes);
  }

  search(query: string, options: ResolvedSearchOptions): SearchResult {
    const groups = buildTermGroups(query, this.#synonyms, this.#tokenizer);
    // No terms (empty or only punctuation): a placeholder search lists documents in insertion order.
    if (groups.length === 0) return this.#placeholder(this.#facets.match(options.clauses), options);
    const mask = this.#mask(options.clauses);
    const { slots, scores, maxScore } = this.#text.score(groups, mask);
    const order = this.#order;
    const best = topK(slots, options.offset + options.limit, (a, b) => scores[b]! - scores[a]! || order[a]! - order[b]!);
    const hits = best.slice(options.offset).map((slot) => this.#hit(slot, maxScore > 0 ? scores[slot]! / maxScore : 0, options.attributes));
    return { hits, total: slots.length };
  }

  #mask(clauses: ResolvedSearchOptions['clauses']): Uint8Array | null {
    if (clauses.length === 0) return null;
    const key = JSON.stringify(clauses);
    const cached = this.#masks.get(key);
    if (cached !== undefined) return cached;
    const allowed = this.#facets.match(clauses) ?? new Int32Array(0);
    const mask = new Uint8Array(this.#documents.length);
    for (const slot of allowed) mask[slot] = 1;
    if (allowed.length >= MASK_CACHE_MIN_SLOTS) {
      if (this.#masks.size >= MASK_CACHE_SIZE) this.#masks.delete(this.#masks.keys().next().value!);
      this.#masks.set(key, mask);
    }
    return mask;
  }

  #placeholder(allowed: Slots | null, { offset, limit, attributes }: ResolvedSearchOptions): SearchResult {
    if (allowed === null) {
      const hits: SearchHit[] = [];
      let index = 0;
      for (const slot of this.#slots.values()) {
        if (index >= offset + limit) break;
        if (index++ >= offset) hits.push(this.#hit(slot, 1, attributes));
      }
      return { hits, total: this.#slots.size };
    }
    const order = this.#order;
    // Only offset + limit of them are shown: a bounded heap rather than sorting every allowed slot (a role filter can
    // allow thousands).
    const first = topK(Array.from(allowed), offset + limit, (a, b) => order[a]! - order[b]!);
    return { hits: first.slice(offset).map((slot) => this.#hit(slot, 1, attributes)), total: allowed.length };
  }

  #hit(slot: number, score: number, attributes: string[] | undefined): SearchHit {
    // A copy, so callers cannot change what the index holds (Meilisearch hands out fresh JSON too).
    const stored = this.#documents[slot]!;
    let document: SearchDocument;
    if (attributes === undefined) {
      document = unpack(stored);
    } else {
      document = { id: fieldOf(stored, 'id') as string };
      for (const field of attributes) {
        const value = fieldOf(stored, field);
        if (value !== undefined) document[field] = value;
      }
    }
    return { document, score: Math.min(1, Math.max(0, score)) };
  }

  #retire(slot: number): void {
    const packed = this.#documents[slot];
    if (packed === undefined) return;
    const document = unpack(packed);
    this.#text.remove(slot, this.#texts(document));
    this.#facets.remove(slot, document);
    this.#documents[slot] = undefined;
  }

  #texts(document: SearchDocument): string[] {
    return this.settings.searchableAttributes.map((attribute) => fieldText(document, attribute));
  }

  #newTextIndex(): TextIndex {
    return new TextIndex(this.#tokenizer, this.settings.searchableAttributes.map((_, i) => attributeWeight(i)));
  }

  #liveDocuments(): SearchDocument[] {
    return [...this.#slots.values()].map((slot) => unpack(this.#documents[slot]!));
  }

  /** Re-adds the live documents into fresh structures once dead slots outnumber them by a margin. */
  #maybeRebuild(): void {
    if (this.#documents.length - this.#slots.size <= this.#slots.size + REBUILD_SLACK) return;
    const documents = this.#liveDocuments();
    const orders = [...this.#slots.values()].map((slot) => this.#order[slot]!);
    const nextOrder = this.#nextOrder;
    this.clear();
    this.upsert(documents);
    // Keep the original insertion positions (clear() restarted the counter).
    this.#order = orders;
    this.#nextOrder = nextOrder;
  }
}
