import { Knex } from 'knex';
import { migrateFindingsTable } from './migrateFindingsTable';

/**
 * A problem the catalog's processing loop cannot see in a single entity: a second definition of
 * the same entity ref elsewhere, or a relation to an entity that does not exist. Findings are
 * kept in the catalog's database (shared by every replica) and turned into processing errors on
 * the entity they concern by {@link CatalogFindingsProcessor}.
 */
export interface CatalogFinding {
  /** The entity the finding is shown on. */
  entityRef: string;
  kind: 'duplicate-definition' | 'missing-relation-target';
  /**
   * What the finding is about: the location key of the ignored duplicate definition, or the
   * entity ref of the missing relation target.
   */
  subject: string;
  message: string;
}

const TABLE = 'platform_catalog_findings';
/** How long a snapshot of the findings serves the processors before it is read again. */
export const FINDINGS_SNAPSHOT_TTL_MS = 5_000;

interface FindingRow {
  entity_ref: string;
  kind: CatalogFinding['kind'];
  subject: string;
  message: string;
  confirmed: boolean | number;
}

export class CatalogFindingsStore {
  private snapshot?: {
    readAt: number;
    byEntityRef: Map<string, CatalogFinding[]>;
  };

  private constructor(private readonly knex: Knex) {}

  /**
   * Opens the store in the catalog's database, migrating its table first unless the database
   * service says migrations are run elsewhere (`skipMigrations`).
   */
  static async create(
    knex: Knex,
    options: { skipMigrations?: boolean } = {},
  ): Promise<CatalogFindingsStore> {
    if (!options.skipMigrations) {
      await migrateFindingsTable(knex);
    }
    return new CatalogFindingsStore(knex);
  }

  /** Confirmed findings of one entity, from a snapshot at most a few seconds old. */
  async findingsFor(entityRef: string): Promise<CatalogFinding[]> {
    if (
      !this.snapshot ||
      Date.now() - this.snapshot.readAt > FINDINGS_SNAPSHOT_TTL_MS
    ) {
      const rows: FindingRow[] = await this.knex(TABLE).where(
        'confirmed',
        true,
      );
      const byEntityRef = new Map<string, CatalogFinding[]>();
      for (const row of rows) {
        const findings = byEntityRef.get(row.entity_ref) ?? [];
        findings.push({
          entityRef: row.entity_ref,
          kind: row.kind,
          subject: row.subject,
          message: row.message,
        });
        byEntityRef.set(row.entity_ref, findings);
      }
      this.snapshot = { readAt: Date.now(), byEntityRef };
    }
    return this.snapshot.byEntityRef.get(entityRef) ?? [];
  }

  /** Makes the next lookup read the table (after this replica changed it). */
  invalidate() {
    this.snapshot = undefined;
  }

  /** The location key each of these entity refs is currently defined by, if any. */
  async locationKeysOf(entityRefs: string[]): Promise<Map<string, string>> {
    const owners = new Map<string, string>();
    for (let i = 0; i < entityRefs.length; i += 500) {
      const rows: Array<{ entity_ref: string; location_key: string | null }> =
        await this.knex('refresh_state')
          .select('entity_ref', 'location_key')
          .whereIn('entity_ref', entityRefs.slice(i, i + 500));
      for (const row of rows) {
        if (row.location_key) owners.set(row.entity_ref, row.location_key);
      }
    }
    return owners;
  }

  /**
   * Replaces the duplicate definitions found while reading one location; returns the entity
   * refs whose findings are new, so they can be refreshed and show the error soon.
   */
  async replaceDuplicatesFrom(
    locationKey: string,
    findings: CatalogFinding[],
  ): Promise<string[]> {
    if (!findings.length) {
      // The common case, on every read of every location: one indexed delete, usually of nothing.
      await this.knex(TABLE)
        .where({ kind: 'duplicate-definition', subject: locationKey })
        .delete();
      return [];
    }
    return this.knex.transaction(async tx => {
      const previous: FindingRow[] = await tx(TABLE).where({
        kind: 'duplicate-definition',
        subject: locationKey,
      });
      await tx(TABLE)
        .where({ kind: 'duplicate-definition', subject: locationKey })
        .delete();
      await tx(TABLE).insert(findings.map(f => this.toRow(f, true)));
      const known = new Set(previous.map(row => row.entity_ref));
      return findings.map(f => f.entityRef).filter(ref => !known.has(ref));
    });
  }

  /**
   * Replaces the missing-relation-target findings with the current sweep's. A finding seen by
   * the previous sweep too becomes confirmed; returns the entity refs confirmed just now.
   */
  async replaceMissingTargets(findings: CatalogFinding[]): Promise<string[]> {
    return this.knex.transaction(async tx => {
      const previous: FindingRow[] = await tx(TABLE).where({
        kind: 'missing-relation-target',
      });
      const key = (f: { entity_ref: string; subject: string }) =>
        `${f.entity_ref} ${f.subject}`;
      const previousByKey = new Map(previous.map(row => [key(row), row]));
      await tx(TABLE).where({ kind: 'missing-relation-target' }).delete();
      const rows = findings.map(f =>
        this.toRow(f, previousByKey.has(key(this.toRow(f, false)))),
      );
      for (let i = 0; i < rows.length; i += 200) {
        await tx(TABLE).insert(rows.slice(i, i + 200));
      }
      return rows
        .filter(row => row.confirmed && !previousByKey.get(key(row))?.confirmed)
        .map(row => row.entity_ref);
    });
  }

  private toRow(finding: CatalogFinding, confirmed: boolean): FindingRow {
    return {
      entity_ref: finding.entityRef,
      kind: finding.kind,
      subject: finding.subject,
      message: finding.message,
      confirmed,
    };
  }
}
