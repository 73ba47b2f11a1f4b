/** The flags each instruction takes, with what they do, as BuildKit documents them. */
export const FLAGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  FROM: { platform: 'The platform of the base image, e.g. `$BUILDPLATFORM` for a builder that cross-compiles.' },
  COPY: {
    from: 'Copy from an earlier stage (by name), an image, or a named build context instead of the build context.',
    chown: 'Owner (`user:group`, names or ids) of the copied files; they are owned by root otherwise.',
    chmod: 'Permissions of the copied files, e.g. `0755`.',
    link: 'Copy into an independent layer, so the layer is reused even when the layers below change.',
    parents: 'Keep the parent directories of the sources (`COPY --parents a/b/c.txt /dest` gives `/dest/a/b/c.txt`).',
    exclude: 'Leave out paths that match this pattern (repeatable).',
  },
  ADD: {
    chown: 'Owner (`user:group`) of the added files.',
    chmod: 'Permissions of the added files.',
    link: 'Add into an independent layer.',
    checksum: 'The expected checksum of a remote source (`sha256:…`); the build fails when it differs.',
    'keep-git-dir': 'Keep the `.git` directory when adding a git repository.',
    exclude: 'Leave out paths that match this pattern (repeatable).',
    unpack: 'Whether to unpack an archive source (local archives are unpacked by default).',
  },
  RUN: {
    mount: 'A mount for this command only: a cache, a bind of another stage or the context, a secret, an SSH agent or a tmpfs (repeatable).',
    network: 'Network of the command: `default`, `none` (no network) or `host`.',
    security: '`insecure` runs the command with extended privileges (needs the `security.insecure` entitlement); `sandbox` is the default.',
    device: 'A CDI device to give the command (experimental).',
  },
  HEALTHCHECK: {
    interval: 'Time between checks (default 30s).',
    timeout: 'Time after which one check counts as failed (default 30s).',
    'start-period': 'Grace time after start during which failures do not count (default 0s).',
    'start-interval': 'Time between checks during the start period (default 5s).',
    retries: 'Consecutive failures that make the container unhealthy (default 3).',
  },
};

/** Flags that may be given more than once. */
export const REPEATABLE_FLAGS: ReadonlySet<string> = new Set(['mount', 'exclude']);

/** Values a flag takes, where they are a fixed set. */
export const FLAG_VALUES: Readonly<Record<string, readonly string[]>> = {
  network: ['default', 'none', 'host'],
  security: ['sandbox', 'insecure'],
};

export const MOUNT_TYPES: Readonly<Record<string, string>> = {
  bind: 'Mount a directory of the build context, another stage or an image (read-only by default). The default type.',
  cache: 'A cache directory kept between builds (package manager and compiler caches).',
  secret: 'A secret given with `docker build --secret`, as a file or an environment variable; never stored in a layer.',
  ssh: 'The SSH agent socket given with `docker build --ssh`, e.g. for `git clone` of private repositories.',
  tmpfs: 'A temporary in-memory file system.',
};

/** The options of `--mount`, per type, with what they do. */
export const MOUNT_OPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  bind: {
    target: 'Where the mount appears in the container.',
    source: 'The path in `from` to mount (default: its root).',
    from: 'A stage, image or named context to mount from (default: the build context).',
    rw: 'Allow writes (they are discarded after the command).',
  },
  cache: {
    target: 'Where the cache appears in the container.',
    id: 'The cache id (default: the target); caches with one id are shared.',
    sharing: '`shared` (default), `private` (one user at a time, others get a new cache) or `locked` (others wait).',
    from: 'A stage to seed the cache from.',
    source: 'A path in `from` to seed the cache from.',
    mode: 'Permissions of a new cache directory (default 0755).',
    uid: 'Owner id of a new cache directory.',
    gid: 'Group id of a new cache directory.',
    ro: 'Mount read-only.',
  },
  secret: {
    id: 'The secret id given to `docker build --secret id=…`.',
    target: 'Where the secret file appears (default `/run/secrets/<id>`).',
    env: 'Give the secret as this environment variable instead of a file.',
    required: 'Fail the build when the secret is not given.',
    mode: 'Permissions of the secret file (default 0400).',
    uid: 'Owner id of the secret file.',
    gid: 'Group id of the secret file.',
  },
  ssh: {
    id: 'The SSH agent or key id given to `docker build --ssh` (default `default`).',
    target: 'Path of the agent socket (default `/run/buildkit/ssh_agent.<n>`).',
    required: 'Fail the build when the agent is not given.',
    mode: 'Permissions of the socket (default 0600).',
    uid: 'Owner id of the socket.',
    gid: 'Group id of the socket.',
  },
  tmpfs: {
    target: 'Where the tmpfs appears.',
    size: 'Size limit of the tmpfs, in bytes.',
  },
};

export const MOUNT_OPTION_VALUES: Readonly<Record<string, readonly string[]>> = {
  sharing: ['shared', 'private', 'locked'],
  required: ['true', 'false'],
  ro: ['true', 'false'],
  rw: ['true', 'false'],
};
