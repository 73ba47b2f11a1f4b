/** Settings shared by the extension and the server: one schema, one normaliser. */

export const SETTINGS_SECTION = 'dockerfileStages';

export type RuleSeveritySetting = 'off' | 'hint' | 'info' | 'warning' | 'error';

export interface DockerfileStagesSettings {
  /** Per-rule severity overrides, keyed by rule id. */
  readonly rules: Readonly<Record<string, RuleSeveritySetting>>;
}

export const DEFAULT_SETTINGS: DockerfileStagesSettings = { rules: {} };

const SEVERITIES: ReadonlySet<string> = new Set(['off', 'hint', 'info', 'warning', 'error']);

/** Turns whatever the client sent into valid settings, dropping what it cannot understand. */
export function normalizeSettings(raw: unknown): DockerfileStagesSettings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const rulesRaw = (raw as { rules?: unknown }).rules;
  const rules: Record<string, RuleSeveritySetting> = {};
  if (typeof rulesRaw === 'object' && rulesRaw !== null) {
    for (const [id, value] of Object.entries(rulesRaw)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) rules[id] = value as RuleSeveritySetting;
    }
  }
  return { rules };
}
