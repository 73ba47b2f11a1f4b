/** Identifiers both sides of the extension agree on. */
export const CLIENT_ID = 'dockerfileStages';
export const CLIENT_NAME = 'Dockerfile Stages';
export const LANGUAGE_ID = 'dockerfile';
/**
 * The schemes of the documents that are linted: files and new editors. Git's copy of a file
 * (`git:`, opened for quick diffs) and other virtual copies are not, or their problems show twice.
 */
export const LINTED_SCHEMES = ['file', 'untitled'] as const;
/** File names that are Dockerfiles whatever language VS Code guessed for them. */
export const DOCKERFILE_PATTERNS = ['**/Dockerfile', '**/*.Dockerfile', '**/Dockerfile.*', '**/Containerfile', '**/Containerfile.*'];
/** The command that looks a Dockerfile's base images up in their registries (the image hover links to it). */
export const LOOK_UP_IMAGES_COMMAND = 'dockerfileStages.lookUpBaseImages';
/** The extension's command that opens a file by URI (a quick fix that creates a file opens it with it). */
export const OPEN_FILE_COMMAND = 'dockerfileStages.openFile';
/** Extensions that lint Dockerfiles too: Container Tools (and its predecessor, Docker), and Docker DX. */
export const OTHER_TOOL_EXTENSIONS = {
  containerTools: ['ms-azuretools.vscode-containers', 'ms-azuretools.vscode-docker'],
  dockerDX: ['docker.docker'],
} as const;
/**
 * Files that may name build targets (compose, Bake, CI workflows, dev containers, Skaffold,
 * Makefiles and scripts). The client watches them; the server decides which matter.
 */
export const TARGET_FILE_GLOBS = [
  '**/*compose*.{yml,yaml}',
  '**/docker-bake*.{hcl,json}',
  '**/.github/workflows/*.{yml,yaml}',
  '**/*.gitlab-ci.{yml,yaml}',
  '**/.gitlab/ci/**/*.{yml,yaml}',
  '**/{devcontainer.json,.devcontainer.json}',
  '**/skaffold*.{yml,yaml}',
  '**/{Makefile,GNUmakefile,makefile,Justfile,justfile,Taskfile.yml,Taskfile.yaml}',
  '**/*.{mk,sh,bash}',
];
/** Compose and Bake files: the build files that can build a service or target by name (build lenses). */
export const COMPOSE_AND_BAKE_PATTERNS = [
  '**/{compose,docker-compose}.{yml,yaml}',
  '**/{compose,docker-compose}.*.{yml,yaml}',
  '**/docker-bake.{hcl,json}',
  '**/docker-bake.*.{hcl,json}',
];
/**
 * The build files whose target fields the language server serves (compose, Bake, GitHub workflows,
 * dev containers): synced to it and given completion, hover, navigation and checks, without taking
 * YAML, HCL or JSON editing over.
 */
export const BUILD_FILE_PATTERNS = [
  ...COMPOSE_AND_BAKE_PATTERNS,
  '**/.github/workflows/*.{yml,yaml}',
  '**/.devcontainer/devcontainer.json',
  '**/.devcontainer/*/devcontainer.json',
  '**/.devcontainer.json',
];
/**
 * Node flags the language server runs with. A young generation of 2 MB semi-spaces (V8 grows it to
 * 16 MB) holds 30 MB less with the real-world corpus open three times (134 → 103 MB) and 3.5 MB
 * less at rest, with no measurable cost per keystroke on real or 50,000-line files
 * (`npm run bench`); 1 MB saved more at rest but slowed 5,000-line edits by half.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=2'];
