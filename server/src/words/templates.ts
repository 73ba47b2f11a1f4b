/**
 * Dockerfiles that are templates to render (cookiecutter, Copier, Helm-style generators) hold the
 * template engine's own lines between instructions: Jinja's `{% if %}`, `{{ value }}`, `{# note #}`
 * and Go templates' `{{- if }}`. The engine removes them before any build reads the file, so they
 * are not instructions BuildKit would reject.
 */
const DIRECTIVE = /^\{[%{#]/;

/** Whether the first word of a line opens a template directive rather than an instruction. */
export function isTemplateDirective(keyword: string): boolean {
  return DIRECTIVE.test(keyword);
}
