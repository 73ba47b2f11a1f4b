/** Identifiers both sides of the extension agree on. */
export const CLIENT_ID = 'dockerfileStages';
export const CLIENT_NAME = 'Dockerfile Stages';
export const LANGUAGE_ID = 'dockerfile';
/** File names that are Dockerfiles whatever language VS Code guessed for them. */
export const DOCKERFILE_PATTERNS = ['**/Dockerfile', '**/*.Dockerfile', '**/Dockerfile.*', '**/Containerfile', '**/Containerfile.*'];
/** Extensions that lint Dockerfiles too: Container Tools (and its predecessor, Docker), and Docker DX. */
export const OTHER_TOOL_EXTENSIONS = {
  containerTools: ['ms-azuretools.vscode-containers', 'ms-azuretools.vscode-docker'],
  dockerDX: ['docker.docker'],
} as const;
