/** Identifiers both sides of the extension agree on. */
export const CLIENT_ID = 'dockerfileStages';
export const CLIENT_NAME = 'Dockerfile Stages';
export const LANGUAGE_ID = 'dockerfile';
/** File names that are Dockerfiles whatever language VS Code guessed for them. */
export const DOCKERFILE_PATTERNS = ['**/Dockerfile', '**/*.Dockerfile', '**/Dockerfile.*', '**/Containerfile', '**/Containerfile.*'];
