/** A platform as BuildKit writes it: `linux/arm64/v8`. */
export interface Platform {
  readonly os: string;
  readonly arch: string;
  readonly variant: string;
}

/** The platform assumed when nothing says otherwise (the edge passes the host's). */
export const DEFAULT_PLATFORM: Platform = { os: 'linux', arch: 'amd64', variant: '' };

/** `linux/arm64`, `linux/arm/v7`, `windows/amd64`; null for text that is no platform. */
export function parsePlatform(text: string): Platform | null {
  const match = /^([a-z0-9]+)\/([a-z0-9_]+)(?:\/([a-z0-9]+))?$/i.exec(text.trim());
  if (!match) return null;
  return { os: (match[1] as string).toLowerCase(), arch: (match[2] as string).toLowerCase(), variant: (match[3] ?? '').toLowerCase() };
}

export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.arch, platform.variant].filter(Boolean).join('/');
}

/**
 * True when two platform texts name the same platform, as containerd normalizes them:
 * `linux/arm64` is `linux/arm64/v8`, `linux/amd64` is `linux/amd64/v1`, `linux/arm` is `linux/arm/v7`.
 */
export function samePlatform(a: string, b: string): boolean {
  const normal = (text: string): string => {
    const p = parsePlatform(text);
    if (!p) return text.toLowerCase();
    const variant = p.arch === 'arm64' && p.variant === 'v8' ? '' : p.arch === 'amd64' && p.variant === 'v1' ? '' : p.arch === 'arm' && p.variant === '' ? 'v7' : p.variant;
    return formatPlatform({ ...p, variant });
  };
  return normal(a) === normal(b);
}

/**
 * The build arguments BuildKit defines for every build, as its defaultArgs gives them: the build
 * platform (where the build runs), the target platform (what it builds for) and the target stage.
 */
export function automaticArgs(target: Platform, build: Platform = target, stage = 'default'): Map<string, string> {
  return new Map([
    ['BUILDPLATFORM', formatPlatform(build)],
    ['BUILDOS', build.os],
    ['BUILDOSVERSION', ''],
    ['BUILDARCH', build.arch],
    ['BUILDVARIANT', build.variant],
    ['TARGETPLATFORM', formatPlatform(target)],
    ['TARGETOS', target.os],
    ['TARGETOSVERSION', ''],
    ['TARGETARCH', target.arch],
    ['TARGETVARIANT', target.variant],
    ['TARGETSTAGE', stage],
  ]);
}

/** The platform of a Node.js process (`process.platform`, `process.arch`), for the edge. */
export function platformOf(os: string, arch: string): Platform {
  const archs: Record<string, [string, string]> = { x64: ['amd64', ''], arm64: ['arm64', ''], arm: ['arm', 'v7'], ia32: ['386', ''], ppc64: ['ppc64le', ''], s390x: ['s390x', ''], riscv64: ['riscv64', ''] };
  const [goArch, variant] = archs[arch] ?? [arch, ''];
  return { os: os === 'win32' ? 'windows' : os === 'darwin' ? 'linux' : os, arch: goArch, variant };
}
