/**
 * The same tokenizer contract on top of saxes, a complete XML parser: the reference the fast
 * tokenizer is tested against (same events, same verdict on every input), and a fallback to
 * compare speed with in the benchmark.
 */
import { SaxesParser } from 'saxes';
import { XmlSyntaxError, type XmlHandler, type XmlTokenizer } from '../apple/xml-scan';

export class SaxesTokenizer implements XmlTokenizer {
  private readonly parser = new SaxesParser({ position: false });
  private error: Error | undefined;

  constructor(handler: XmlHandler, names: readonly string[]) {
    this.parser.on('error', (e) => {
      this.error ??= e;
    });
    this.parser.on('opentag', (tag) => {
      if (this.error) return;
      const attributes = tag.attributes as Record<string, string>;
      handler.open(
        tag.name,
        names.map((n) => (Object.hasOwn(attributes, n) ? attributes[n] : undefined)),
      );
    });
    this.parser.on('closetag', (tag) => {
      if (!this.error) handler.close(tag.name);
    });
  }

  write(text: string): void {
    this.parser.write(text);
    if (this.error) throw new XmlSyntaxError('not-well-formed', this.error.message);
  }

  end(): void {
    this.parser.close();
    if (this.error) throw new XmlSyntaxError('cut-short', this.error.message);
  }
}
