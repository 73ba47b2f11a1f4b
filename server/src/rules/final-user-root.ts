import { isRootUserName } from '../images/image-facts';
import { instructionBody } from '../model/instruction-text';
import { stageTitle } from '../model/queries';
import { shippedChains, shippedStages } from '../model/stage-graph';
import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { expandIfKnown } from '../model/variable-scope';
import { addUserFix, type UserBase } from './add-user-fix';
import { defineRule, type RuleContext } from './rule';
import { baseImageOf } from './stage-state';

/**
 * Programs that start as root to leave it: an image that installs or runs one of these drops
 * privileges in its entrypoint (gosu, su-exec, s6, runit's chpst, setpriv…), by design.
 */
const PRIVILEGE_DROP = /\b(gosu|su-exec|suexec|setpriv|s6-setuidgid|s6-overlay|chpst|runuser|setuser)\b|\bUWSGI_UID=|--uid[= ]|\bgunicorn\b.*\s--user[= ]/;
/**
 * Servers whose master process starts as root to bind its port and runs its workers as another
 * user (www-data, nginx) — BusyBox httpd is not one of them — and cron, which must be root to run
 * each user's jobs as that user.
 */
const DROPPING_SERVER = /(^|[\s"/(;&|])(apache2-foreground|httpd-foreground|apache2ctl|apache2|nginx|php-fpm[0-9.]*|cron|crond)(?![\w.-])/;
/** Packages of daemons that must run as root: network set-up (iptables, iproute2) needs CAP_NET_ADMIN. */
const PRIVILEGED_DAEMON = /\b(iptables|ip6tables|nftables|iproute2|wireguard-tools|openvpn|strongswan|keepalived)\b/;

export default defineRule({
  id: 'final-user-root',
  summary: 'An image that ships runs as root (no USER, or the last USER is root).',
  severity: 'warning',
  hadolint: ['DL3002'],
  check(context) {
    const { model, shipping, report } = context;
    const reported = new Set<Instruction>();
    for (const { stage, because } of shipping.shipped) {
      const verdict = userOf(context, stage);
      if (verdict.kind === 'unknown' || verdict.kind === 'non-root') continue;
      if (verdict.kind === 'explicit') {
        if (reported.has(verdict.instruction)) continue;
        reported.add(verdict.instruction);
        const root = shippedStages(model, stage)[0];
        const base = root ? baseImageOf(model, root, context.platform) : null;
        report({
          range: verdict.instruction.range,
          message: `${stageTitle(stage)} runs as '${verdict.user}': switch to a non-root USER after the steps that need root. It ships because ${because}.`,
          // The root steps stay; the non-root USER goes before the command.
          fixes: [addUserFix(model, stage, userBase(context, base))].filter((fix) => fix !== null),
        });
        continue;
      }
      if (reported.has(stage.from)) continue;
      reported.add(stage.from);
      report({
        range: stage.from.range,
        message: `${stageTitle(stage)} runs as root: no USER is set and ${verdict.base} runs as root by default. Add a non-root USER before CMD/ENTRYPOINT. It ships because ${because}.`,
        fixes: [addUserFix(model, stage, userBase(context, verdict.base))].filter((fix) => fix !== null),
      });
    }
  },
});

function userBase(context: RuleContext, image: string | null): UserBase {
  const facts = image ? context.imageFacts(image)?.facts : undefined;
  return { image, libc: facts?.libc ?? null, shell: facts?.shell ?? null };
}

type Verdict =
  | { kind: 'unknown' }
  | { kind: 'non-root' }
  | { kind: 'explicit'; user: string; instruction: Instruction }
  | { kind: 'default'; base: string };

/**
 * Who the image runs as, over every way its FROM chain can go: root only when every chain says
 * so — a root USER, or no USER on a base known to run as root without dropping privileges.
 */
function userOf(context: RuleContext, stage: Stage): Verdict {
  const { model } = context;
  let verdict: Verdict | null = null;
  for (const chain of shippedChains(model, stage)) {
    const instructions = chain.flatMap((s) => s.instructions);
    if (dropsPrivileges(model, instructions)) return { kind: 'non-root' };
    const lastUser = [...instructions].reverse().find((i) => i.keyword === 'USER');
    let current: Verdict;
    if (lastUser) {
      const user = expandIfKnown(model, lastUser.range.start.line, instructionBody(model, lastUser), context.platform);
      if (user === null) return { kind: 'unknown' };
      current = isRootUserName(user) ? { kind: 'explicit', user, instruction: lastUser } : { kind: 'non-root' };
    } else {
      const base = chain[0] ? baseImageOf(model, chain[0], context.platform) : null;
      const facts = base ? context.imageFacts(base)?.facts : undefined;
      // An image nothing knows may set its own USER; Windows users follow other rules.
      if (!base || !facts || facts.user === undefined || facts.os === 'windows') return { kind: 'unknown' };
      if (!isRootUserName(facts.user) || facts.dropsPrivileges) return { kind: 'non-root' };
      // Without a USER, only a server is worth the warning: command-line tool images run as root
      // on purpose (to write to the folders mounted into them).
      const serves = facts.service === true || facts.serves === true || context.shipping.roles[stage.index]?.process?.kind === 'server';
      if (!serves) return { kind: 'unknown' };
      current = { kind: 'default', base };
    }
    if (current.kind === 'non-root') return current;
    verdict ??= current;
  }
  return verdict ?? { kind: 'unknown' };
}

function dropsPrivileges(model: DockerfileModel, instructions: readonly Instruction[]): boolean {
  const command = [...instructions].reverse().find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  if (command && DROPPING_SERVER.test(instructionBody(model, command))) return true;
  return instructions.some(
    (i) =>
      (i.keyword === 'RUN' || i.keyword === 'ENTRYPOINT' || i.keyword === 'CMD' || i.keyword === 'ENV') &&
      (PRIVILEGE_DROP.test(instructionBody(model, i)) || (i.keyword === 'RUN' && PRIVILEGED_DAEMON.test(instructionBody(model, i)))),
  );
}

