import { instructionBody } from './instruction-text';
import type { DockerfileModel, Instruction, Stage } from './types';

/**
 * What the process an image starts looks like, read from its own instructions: a server someone
 * deploys, a tool run once and thrown away, a development server, or nothing that says. This is
 * the second question about a stage (the first being whether its layers reach anyone): root user,
 * health checks and build tools only matter for a process that stays up.
 */
export type ProcessKind =
  /** A long-lived process: it listens (EXPOSE, a port in its command), or starts a known server. */
  | 'server'
  /** Run for one job: a shell, a REPL, `--help`, a CLI, a migration, or `sleep infinity` to exec into. */
  | 'tool'
  /** A development server: `runserver`, `flask run`, `npm run dev`, `--reload`. */
  | 'dev'
  /** A command that says nothing either way (`ENTRYPOINT ["/app"]`). */
  | 'unknown'
  /** No command in the stage's chain (its base image's runs). */
  | 'none';

export interface ProcessShape {
  readonly kind: ProcessKind;
  /** Why, in a few words: "it exposes port 8080", "its command is a shell (bash)". */
  readonly because: string;
}

/** Long-lived programs, by the name they are started with. */
const DAEMONS = new Set([
  'nginx', 'httpd', 'apache2', 'apache2-foreground', 'php-fpm', 'caddy', 'gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'puma', 'unicorn',
  'passenger', 'supervisord', 'crond', 'cron', 'forego', 'sqlservr', 'mongod', 'postgres', 'mysqld', 'mariadbd', 'redis-server', 'traefik',
  'envoy', 'haproxy', 'sshd', 'dockerd', 'containerd', 'kubelet', 'prometheus', 'grafana-server', 'tini-server', 'waitress-serve',
  'celery', 'sidekiq', 'rq', 'dramatiq', 'huey', 'node-red', 'pm2-runtime', 'nodemon', 'java', 's6-svscan', 'init', 'runsvdir',
]);
/** Parts of a program's or stage's name that say it serves or stays up. */
const SERVER_PART = /^(server|serve|service|daemon|agent|controller|manager|operator|gateway|proxy|exporter|provisioner|discovery|worker|router|scheduler|api|web|backend|frontend|webhook|listener|collector|broker|ingester|querier|compactor)$/;
/** Parts of a name that say it is a tool, run and gone. */
const TOOL_PART = /^(cli|tools?|toolbox|migrate|migrations?|installer|install|loader|setup|job|cmd|client|bench|generator|gen|uploader|seed|backup)$/;
const SHELLS = /^(sh|bash|zsh|ash|dash|fish|pwsh|powershell|cmd|busybox)$/;
/** Programs that, alone, open an interactive prompt. */
const REPLS = /^(python[0-9.]*|node|irb|iex|ghci|jshell|deno|bun|php|lua|R|julia|scala|clojure|erl|mysql|psql|redis-cli|sqlite3|wp)$/;
const DEV_WORDS = /(^|\s)(runserver|nodemon|--reload|--watch|ng serve|flask run|fastapi dev|rails server -b 0\.0\.0\.0 -e development|(npm|pnpm|yarn|bun)( run)? (dev|start:dev|serve|watch)|vite( dev)?|next dev|webpack serve|hugo server|jekyll serve|mix phx\.server|air)(\s|$)/;
const SERVER_FLAGS = /(^|\s)(--port|--http-port|--listen|--bind|--host)[= ]|(^|[\s=:])0\.0\.0\.0([:\s]|$)|(^|\s)-jar(\s|$)/;
const SERVER_ENV = /^([A-Z0-9_]*_)?(PORT|HTTP_PORT|URLS|LISTEN|LISTEN_ADDR|LISTEN_ADDRESS|LISTEN_PORT|BIND_ADDRESS|BIND_ADDR|HTTP_ADDR|ADDR)$/;

/**
 * Shapes kept with the stage's instruction list (the same object while the stage is unchanged),
 * with the lists of its chain and the base's answer they were read from: a keystroke elsewhere
 * does not read the commands again.
 */
const shapes = new WeakMap<readonly Instruction[], { readonly chain: readonly (readonly Instruction[])[]; readonly baseServes: string | null; readonly shape: ProcessShape }>();

/** The shape of the process a stage's image starts, from its FROM chain in this file (`chain[0]` is the root). */
export function processShape(model: DockerfileModel, stage: Stage, chain: readonly Stage[], baseServes: string | null): ProcessShape {
  const known = shapes.get(stage.instructions);
  if (known && known.baseServes === baseServes && known.chain.length === chain.length && known.chain.every((list, i) => list === chain[i]?.instructions)) return known.shape;
  const shape = readShape(model, stage, chain, baseServes);
  shapes.set(stage.instructions, { chain: chain.map((s) => s.instructions), baseServes, shape });
  return shape;
}

function readShape(model: DockerfileModel, stage: Stage, chain: readonly Stage[], baseServes: string | null): ProcessShape {
  const instructions = chain.flatMap((s) => s.instructions);
  const words = withoutWrappers(commandWords(model, instructions));
  const text = words.join(' ');
  const programs = words.map(programName).filter((p) => p !== '');
  const nameParts = nameWords(stage.name ?? '');

  if (words.length > 0 && DEV_WORDS.test(text)) return { kind: 'dev', because: `its command runs a development server (${short(text)})` };
  if (programs.some((p) => /(^|[-_.])(dev|development)$/.test(p.replace(/\.(sh|bash|ps1|py)$/, '')))) return { kind: 'dev', because: `its command is a development script (${short(text)})` };
  if (/(^|\s)(sleep (infinity|inf)|tail -f \/dev\/null)(\s|;|$)/.test(text)) return { kind: 'tool', because: 'its command only keeps the container alive, to exec into' };

  const expose = instructions.find((i) => i.keyword === 'EXPOSE');
  if (expose) return { kind: 'server', because: `it exposes ${instructionBody(model, expose).trim().split(/\s+/)[0] ?? 'a port'}` };
  if (instructions.some((i) => i.keyword === 'HEALTHCHECK' && !/^\s*NONE\b/i.test(instructionBody(model, i)))) return { kind: 'server', because: 'it has a HEALTHCHECK' };

  const first = programs[0] ?? '';
  const rest = words.slice(1).filter((w) => !w.startsWith('-') || /^-(c|e)$/.test(w));
  if (words.length > 0) {
    const helpOnly = words.slice(first.startsWith('-') || programs.length === 0 ? 0 : 1).every((w) => /^(-h|--help|help|version|--version|-v)$/.test(w)) && (words.length > 1 || /^-/.test(words[0] ?? ''));
    if (helpOnly) return { kind: 'tool', because: `its command prints help (${short(text)})` };
    const lone = words.length === 1 || (words.length === 2 && /^(-a|-i|shell|repl|console)$/.test(words[1] ?? ''));
    if (SHELLS.test(first) && (rest.length === 0 || (rest.length === 1 && rest[0] === '-c'))) return { kind: 'tool', because: `its command is a shell (${short(text)})` };
    if (lone && REPLS.test(first)) return { kind: 'tool', because: `its command opens a prompt (${short(text)})` };
  }
  const daemon = programs.find((p) => DAEMONS.has(p) || p.split(/[-_.]/).some((part) => SERVER_PART.test(part)));
  if (daemon) return { kind: 'server', because: `its command starts ${daemon}` };
  if (programs.includes('make')) return { kind: 'tool', because: `its command runs a build (${short(text)})` };
  if (/^(start|run|serve|server|boot)(\.sh)?$/.test(first)) return { kind: 'server', because: `its command starts the program (${first})` };
  if (words.slice(1).some((w) => /^(serve|server|start|run|daemon|agent|controller|web|api|worker|single_node|standalone|up)$/.test(w))) {
    return { kind: 'server', because: `its command starts a server (${short(text)})` };
  }
  if (SERVER_FLAGS.test(text)) return { kind: 'server', because: `its command listens (${short(text)})` };
  const listening = instructions.find((i) => i.keyword === 'ENV' && i.args.some((a) => SERVER_ENV.test(a.value.split('=')[0] ?? '') || /=(https?:\/\/)?(0\.0\.0\.0|\+|\*)[:/]/.test(a.value)));
  if (listening) return { kind: 'server', because: `it sets where to listen (${short(instructionBody(model, listening))})` };
  if (nameParts.some((part) => SERVER_PART.test(part) || DAEMONS.has(part))) return { kind: 'server', because: `it is named '${stage.name}'` };
  if (programs.some((p) => p.split(/[-_.]/).some((part) => TOOL_PART.test(part)))) return { kind: 'tool', because: `its command is a tool (${short(text)})` };
  if (nameParts.some((part) => TOOL_PART.test(part))) return { kind: 'tool', because: `it is named '${stage.name}'` };
  if (first === 'node' && words.length >= 2 && /\.(m?js|cjs|ts)$/.test(words[words.length - 1] ?? '')) return { kind: 'server', because: `its command runs a Node.js program (${short(text)})` };
  if (baseServes) return { kind: 'server', because: baseServes };
  if (words.length === 0) return { kind: 'none', because: 'it sets no command' };
  return { kind: 'unknown', because: `it has a command (${short(text)})` };
}

/**
 * The words of the command the image runs: the last ENTRYPOINT, then the last CMD (a CMD before
 * the last ENTRYPOINT is reset by it, as the engine does). Exec form words as written; shell form
 * split on blanks.
 */
function commandWords(model: DockerfileModel, instructions: readonly Instruction[]): string[] {
  let entrypoint: Instruction | null = null;
  let cmd: Instruction | null = null;
  for (const i of instructions) {
    if (i.keyword === 'ENTRYPOINT') {
      entrypoint = i;
      cmd = null;
    } else if (i.keyword === 'CMD') cmd = i;
  }
  return [entrypoint, cmd].flatMap((i) => (i ? wordsOf(model, i) : []));
}

function wordsOf(model: DockerfileModel, instruction: Instruction): string[] {
  const body = instructionBody(model, instruction).trim();
  if (body.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (Array.isArray(parsed)) return parsed.map(String).flatMap((w) => (/\s/.test(w.trim()) ? w.trim().split(/\s+/) : [w.trim()])).filter(Boolean);
    } catch {
      // Not valid JSON: BuildKit runs it in a shell, as words.
    }
  }
  return body.split(/\s+/).filter(Boolean);
}

/** Programs that start the command after them (init shims, entrypoint scripts, privilege drops). */
const WRAPPER = /^(tini|tini-static|dumb-init|catatonit|docker-[a-z0-9]*-?entrypoint(\.sh)?|docker-entrypoint(\.sh)?|entrypoint(\.sh)?|gosu|su-exec|exec)$/;

/** The command without the wrappers in front of it: `tini -- docker-entrypoint.sh php -a` → `php -a`. */
function withoutWrappers(words: readonly string[]): string[] {
  let i = 0;
  while (i < words.length) {
    const program = programName(words[i] ?? '');
    if (!WRAPPER.test(program)) break;
    i++;
    if (/^(gosu|su-exec)$/.test(program)) i++; // the user to switch to
    else if (/^(tini|tini-static|dumb-init|catatonit)$/.test(program)) {
      // Their own options, up to `--`.
      while (i < words.length && words[i]?.startsWith('-')) if (words[i++] === '--') break;
    }
  }
  return words.slice(i);
}

/** `/usr/local/bin/tempo-cli` → `tempo-cli`; `Web.dll` → `web`; `./start.sh` → `start.sh`. */
function programName(word: string): string {
  if (word.startsWith('-')) return '';
  const base = word.split(/[/\\]/).pop() ?? '';
  return base.replace(/\.(exe|dll)$/i, '').toLowerCase();
}

const nameWords = (name: string): string[] => name.toLowerCase().split(/[-_.]+/).filter(Boolean);

const short = (text: string): string => (text.length > 48 ? `${text.slice(0, 45)}…` : text);

/** Folders whose Dockerfiles are fixtures or development set-ups, by a segment of the path. */
const FIXTURE_FOLDER = /^(tests?|testing|inttests?|test[-_]?suites?|e2e|testdata|test[-_]?data|fixtures?|integration[-_]?tests?|test[-_]?runner|test[-_]?apps?|regression|mocks?|examples?[-_]tests?|playwright|cypress|selenium)$/i;
const DEV_FOLDER = /^(\.devcontainer|\.gitpod|devcontainers?)$/i;

/** What a Dockerfile's folders say of all its stages: a fixture under `test/`, a dev image under `.devcontainer/`. */
export function folderRole(filePath: string): { role: 'fixture' | 'dev'; folder: string } | null {
  const folders = filePath.split('/').slice(0, -1);
  const dev = folders.find((f) => DEV_FOLDER.test(f));
  if (dev) return { role: 'dev', folder: dev };
  const fixture = folders.find((f) => FIXTURE_FOLDER.test(f));
  return fixture ? { role: 'fixture', folder: fixture } : null;
}
