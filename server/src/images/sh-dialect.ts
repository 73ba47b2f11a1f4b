import type { ImageFacts } from './image-facts';
import { normalizeImage } from './image-facts';

/**
 * Which program `/bin/sh` is in a Linux image: dash on Debian and Ubuntu (and the official
 * language images built on them), BusyBox ash on Alpine, BusyBox and Wolfi, bash on the RHEL family
 * (CentOS, Fedora, UBI, Rocky, Alma, Amazon Linux). ShellCheck then checks a RUN for the shell
 * that really runs it. Null when the image does not say.
 */
export type ShDialect = 'dash' | 'ash' | 'bash';

const ASH = /(^|[-_.:/])(alpine|busybox|musl|wolfi)([-_.:/0-9]|$)/;
const BASH = /(^|[-_.:/])(centos|rhel|ubi[0-9]*|fedora|rocky|rockylinux|alma|almalinux|amazonlinux|al2|al2023|oraclelinux|photon|mariner|azurelinux|cbl-mariner|openeuler|anolis|openanolis|sles|opensuse|leap|tumbleweed|suse)([-_.:/0-9]|$)/;
const DASH = /(^|[-_.:/])(debian|ubuntu|bookworm|bullseye|buster|stretch|trixie|forky|sid|jammy|noble|focal|bionic|xenial|oracular|plucky|slim)([-_.:/0-9]|$)/;
/** Official language and tool images whose default variants are Debian-based. */
const DEBIAN_BASED = /^docker\.io\/library\/(node|python|golang|ruby|php|perl|rust|openjdk|eclipse-temurin|gradle|maven|elixir|erlang|haskell|julia|r-base|gcc|buildpack-deps|postgres|mysql|redis|nginx|httpd|wordpress|ghost|mongo|rabbitmq|memcached)$/;

export function shDialectOf(text: string, facts: ImageFacts | null | undefined): ShDialect | null {
  if (facts?.os === 'windows') return null;
  if (facts?.libc === 'musl') return 'ash';
  const image = normalizeImage(text);
  if (!image) return null;
  const words = `${image.name}:${image.tag ?? ''}`.toLowerCase();
  if (ASH.test(words)) return 'ash';
  if (BASH.test(words)) return 'bash';
  if (DASH.test(words)) return 'dash';
  if (DEBIAN_BASED.test(image.name)) return 'dash';
  return null;
}

/**
 * ShellCheck has no BusyBox dialect: ash is checked as dash, but BusyBox's ash (as Alpine builds
 * it) has these bash features dash lacks, so their portability warnings are not problems there:
 * `source` (SC3046), `[[ ]]` (SC3010), `==` in tests (SC3014), `echo -e`/`-n` (SC3037), `$'…'`
 * (SC3003), `local` options and `type -p` style flags (SC3045).
 */
export const ASH_HAS = new Set(['SC3046', 'SC3010', 'SC3014', 'SC3037', 'SC3003', 'SC3045']);
