import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import pLimit from 'p-limit';
import { readDatadogSlos } from '@internal/catalog-model-platform';
import {
  SloRollupEntry,
  SloRollupResponse,
  SloState,
  compareSloStates,
  emptySloStateCounts,
  worstSloState,
} from '@internal/plugin-datadog-slo-common';
import { SloService } from './SloService';

/**
 * Order of members: a breach first, then members whose SLOs could not be read (unknown may be
 * worse than a warning), then warning, no data, ok, and members whose query found no SLO.
 */
function rank(entry: SloRollupEntry): number {
  if (entry.worstState === 'breached') return 0;
  if (entry.worstState === undefined && entry.problems.length > 0) return 1;
  if (entry.worstState === undefined) return 5;
  return 1 + compareSloStates(entry.worstState, 'breached');
}

/** A system's or team's services are read a few at a time: each may cost Datadog requests. */
const MEMBERS_AT_ONCE = 4;

/**
 * SLO rollup of a System (its parts) or a Group (what it owns directly; sub-teams have their own
 * rollup): per member the counts per state, its worst state and lowest budget, from the same
 * cached answers the service pages use.
 */
export class SloRollupService {
  constructor(
    private readonly slos: SloService,
    private readonly catalog: CatalogService,
  ) {}

  async rollup(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloRollupResponse> {
    let ref: string;
    try {
      ref = stringifyEntityRef(parseEntityRef(entityRef));
    } catch {
      throw new InputError(
        `entityRef '${entityRef}' is not an entity reference`,
      );
    }
    const kind = parseEntityRef(ref).kind.toLocaleLowerCase('en-US');
    if (kind !== 'system' && kind !== 'group') {
      throw new InputError(
        `An SLO rollup is made for a System or a Group, not a ${kind} (${ref})`,
      );
    }
    const owner = await this.catalog.getEntityByRef(ref, { credentials });
    if (!owner) {
      throw new NotFoundError(`No entity ${ref} in the catalog`);
    }
    const membership = kind === 'system' ? 'partOf' : 'ownedBy';
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          kind: 'component',
          [`relations.${membership.toLocaleLowerCase('en-US')}`]: ref,
        },
      },
      { credentials },
    );
    const covered = items.filter(member => readDatadogSlos(member));
    const limit = pLimit(MEMBERS_AT_ONCE);
    const uniqueSlos = new Map<string, SloState>();
    const entries = await Promise.all(
      covered.map(member => limit(() => this.entryOf(member, uniqueSlos))),
    );
    entries.sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.lowestBudget ?? Infinity) - (b.lowestBudget ?? Infinity) ||
        a.entityRef.localeCompare(b.entityRef),
    );
    // An SLO selected by two members (a shared tag) counts once in the totals.
    const counts = emptySloStateCounts();
    for (const [, state] of uniqueSlos) {
      counts[state] += 1;
    }
    return {
      entityRef: ref,
      membership,
      worstState: worstSloState(
        entries.flatMap(e => (e.worstState ? [e.worstState] : [])),
      ),
      counts,
      entries,
      withoutSlos: items
        .filter(member => !readDatadogSlos(member))
        .map(member => stringifyEntityRef(member))
        .sort(),
    };
  }

  private async entryOf(
    member: Entity,
    uniqueSlos: Map<string, SloState>,
  ): Promise<SloRollupEntry> {
    const answer = await this.slos.getEntitySlos(member);
    const counts = emptySloStateCounts();
    let lowestBudget: number | null = null;
    for (const slo of answer.slos) {
      counts[slo.state] += 1;
      uniqueSlos.set(slo.id, slo.state);
      const budget = slo.timeframes.find(
        t => t.timeframe === slo.primaryTimeframe,
      )?.errorBudgetRemaining;
      if (budget !== null && budget !== undefined) {
        lowestBudget =
          lowestBudget === null ? budget : Math.min(lowestBudget, budget);
      }
    }
    return {
      entityRef: answer.entityRef,
      title: member.metadata.title,
      worstState: worstSloState(answer.slos.map(s => s.state)),
      counts,
      lowestBudget,
      problems: answer.problems,
    };
  }
}
