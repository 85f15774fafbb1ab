// Stand-in for lightning/graphql: each wire answers from the sample data for the element that asks
// (the engine tells an adapter the tagName), in the state the page's URL chose.
import { graphqlAnswer, type GraphqlConfig } from '../../../app/fixtures.js';

type Provision = (value: Record<string, unknown>) => void;

/** The query text, as the platform keeps it (no parsing: the preview does not evaluate queries). */
export function gql(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((text, part, i) => text + part + (i < values.length ? String(values[i]) : ''), '');
}

export class graphql {
  private config: GraphqlConfig | undefined;
  private connected = false;

  constructor(
    private readonly provision: Provision,
    private readonly source?: { tagName?: string }
  ) {}

  connect(): void {
    this.connected = true;
    this.answer();
  }

  disconnect(): void {
    this.connected = false;
  }

  update(config: GraphqlConfig): void {
    this.config = config;
    this.answer();
  }

  private answer(): void {
    const config = this.config;
    // Like the platform, a wire whose query is not known yet stays unanswered.
    if (!this.connected || !config || config.query === undefined || config.query === null) return;
    const tagName = this.source?.tagName ?? '';
    // Asynchronous, as over the network: the component first renders its loading state.
    setTimeout(() => {
      if (this.connected && this.config === config) this.provision({ ...graphqlAnswer(tagName, config), refresh: () => this.refresh() });
    }, 0);
  }

  private refresh(): Promise<void> {
    this.answer();
    return Promise.resolve();
  }
}

/** lightning/uiGraphQLApi's refresh, for components that use it. */
export function refreshGraphQL(result: { refresh?: () => Promise<void> }): Promise<void> {
  return result.refresh ? result.refresh() : Promise.resolve();
}
