export { createEmbeddedIndex, type EmbeddedIndexOptions } from './embedded-index.js';
export { SimpleTokenizer, WhitespaceTokenizer, defaultTokenizer, foldText, type Tokenizer } from './tokenizer.js';
