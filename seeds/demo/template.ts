/**
 * A very small phrase template language, so the vocabulary tables can say "the same thing several ways" in one
 * line instead of listing every variant:
 *
 *   [贴片|表面贴装|SMT]   one alternative, chosen at random (an empty alternative, `[，含三防漆|]`, makes a part optional)
 *   {p1}                 a value from the context; a list value yields one random element per use;
 *                        postings with a quantity also have {qty}, its amount
 *   {#20-80}             a random integer in the range (from 1000 up rounded to two significant digits);
 *                        {#1.5-9.5} gives one decimal; {#10-120/10} a multiple
 *                        of 10, for the round figures people write before 余 ("70余款")
 *   {#500-8000@}         a figure that grows with the company (context value `scale`, 0..1): areas, output,
 *                        customers served; rounded to two significant digits, as profiles state them
 *
 * Alternatives may contain slots but not other alternatives. Templates are parsed once and cached, because the
 * synthetic zone expands about a million of them.
 */
import type { Rng } from './random.js';

type Token =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'slot'; readonly name: string }
  | {
      readonly kind: 'number';
      readonly min: number;
      readonly max: number;
      readonly decimals: number;
      readonly step: number;
      readonly scaled: boolean;
    }
  | { readonly kind: 'choice'; readonly options: readonly (readonly Token[])[] };

/** Values a template may refer to. A list is sampled at every use; a string is used as is. */
export type TemplateContext = Readonly<Record<string, string | readonly string[]>>;

const cache = new Map<string, readonly Token[]>();

function parseFlat(source: string, template: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === '{') {
      const end = source.indexOf('}', i);
      if (end < 0) throw new Error(`template: unclosed { in "${template}"`);
      if (text !== '') tokens.push({ kind: 'text', text });
      text = '';
      tokens.push(parseSlot(source.slice(i + 1, end), template));
      i = end + 1;
    } else if (ch === '[' || ch === ']' || ch === '}') {
      throw new Error(`template: unexpected ${ch} in "${template}"`);
    } else {
      text += ch;
      i++;
    }
  }
  if (text !== '') tokens.push({ kind: 'text', text });
  return tokens;
}

function parseSlot(body: string, template: string): Token {
  if (!body.startsWith('#')) {
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(body)) throw new Error(`template: bad slot {${body}} in "${template}"`);
    return { kind: 'slot', name: body };
  }
  const match = /^#(\d+(?:\.\d)?)-(\d+(?:\.\d)?)(?:\/(\d+))?(@)?$/.exec(body);
  if (!match) throw new Error(`template: bad number range {${body}} in "${template}"`);
  const min = Number(match[1]);
  const max = Number(match[2]);
  if (!(min <= max)) throw new Error(`template: empty range {${body}} in "${template}"`);
  const step = Number(match[3] ?? 1);
  if (step < 1 || (step > 1 && (body.includes('.') || min % step !== 0 || max % step !== 0))) {
    throw new Error(`template: step must divide both bounds in {${body}} in "${template}"`);
  }
  const decimals = match[1]?.includes('.') || match[2]?.includes('.') ? 1 : 0;
  const scaled = match[4] === '@';
  if (scaled && (decimals > 0 || step > 1)) throw new Error(`template: a scaled figure takes no decimals or step in "${template}"`);
  return { kind: 'number', min, max, decimals, step, scaled };
}

function parse(template: string): readonly Token[] {
  const tokens: Token[] = [];
  let rest = template;
  for (;;) {
    const open = rest.indexOf('[');
    if (open < 0) break;
    const close = rest.indexOf(']', open);
    if (close < 0) throw new Error(`template: unclosed [ in "${template}"`);
    tokens.push(...parseFlat(rest.slice(0, open), template));
    const options = rest.slice(open + 1, close).split('|').map((option) => parseFlat(option, template));
    tokens.push({ kind: 'choice', options });
    rest = rest.slice(close + 1);
  }
  tokens.push(...parseFlat(rest, template));
  return tokens;
}

function compiled(template: string): readonly Token[] {
  let tokens = cache.get(template);
  if (!tokens) {
    tokens = parse(template);
    cache.set(template, tokens);
  }
  return tokens;
}

/** Figures of four digits and more are stated round (17000套, not 17512套) unless a step says otherwise. */
function roundish(value: number, step: number): number {
  if (step > 1 || value < 1000) return value;
  const unit = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / unit) * unit;
}

/** A figure placed in [min, max] by the company's size, with some spread, rounded to two significant digits. */
function scaledFigure(min: number, max: number, context: TemplateContext, rng: Rng): number {
  const scale = typeof context.scale === 'string' ? Number(context.scale) : 0.5;
  const position = Math.min(1, Math.max(0, scale * (0.6 + 0.8 * rng.float())));
  const value = min + (max - min) * position;
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1);
  return Math.min(max, Math.max(min, Math.round(value / unit) * unit));
}

function render(tokens: readonly Token[], context: TemplateContext, rng: Rng, template: string): string {
  let out = '';
  for (const token of tokens) {
    switch (token.kind) {
      case 'text':
        out += token.text;
        break;
      case 'choice':
        out += render(rng.pick(token.options), context, rng, template);
        break;
      case 'number':
        if (token.scaled) out += String(scaledFigure(token.min, token.max, context, rng));
        else if (token.decimals === 0) out += String(roundish(rng.int(token.min / token.step, token.max / token.step) * token.step, token.step));
        else out += (token.min + rng.float() * (token.max - token.min)).toFixed(token.decimals);
        break;
      case 'slot': {
        const value = context[token.name];
        if (value === undefined) throw new Error(`template: no value for {${token.name}} in "${template}"`);
        out += typeof value === 'string' ? value : rng.pick(value);
        break;
      }
    }
  }
  return out;
}

/** Expands one template with the given context. Throws on a malformed template or a slot the context lacks. */
export function expand(template: string, context: TemplateContext, rng: Rng): string {
  return render(compiled(template), context, rng, template);
}

/** The slot names a template refers to (for the vocabulary tests). */
export function slotsOf(template: string): string[] {
  const names: string[] = [];
  const walk = (tokens: readonly Token[]): void => {
    for (const token of tokens) {
      if (token.kind === 'slot') names.push(token.name);
      else if (token.kind === 'choice') token.options.forEach(walk);
    }
  };
  walk(compiled(template));
  return names;
}
