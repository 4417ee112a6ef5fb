export { createEmbeddedIndex, type EmbeddedIndexOptions } from './embedded-index.js';
export { SimpleTokenizer, defaultTokenizer, foldText, type Tokenizer } from './tokenizer.js';
