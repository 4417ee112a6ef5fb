// Types for the one opencc-js entry point the normaliser uses. The package ships declarations, but they re-export
// from './core' and './preset' without file extensions, which NodeNext resolution does not follow inside an ES
// module package, so every export arrives untyped. This declaration takes precedence and types what we call.
declare module 'opencc-js/t2cn' {
  /** Options of a built-in converter: source and target locale ('t' → 'cn' is OpenCC's generic t2s). */
  export interface ConverterOptions {
    from: 't' | 'tw' | 'twp' | 'hk' | 'hkp' | 'jp';
    to: 'cn';
  }
  /** Builds a converter (slow: loads the dictionaries); the returned function converts a string. */
  export function Converter(options: ConverterOptions): (text: string) => string;
}
