/** What each instruction does, in a line, and the snippet its completion inserts. */
export interface InstructionDoc {
  readonly summary: string;
  /** Snippet syntax: the keyword and its arguments with tab stops. */
  readonly snippet: string;
}

export const INSTRUCTIONS: Readonly<Record<string, InstructionDoc>> = {
  FROM: { summary: 'Starts a stage from an image or an earlier stage; `AS <name>` names it.', snippet: 'FROM ${1:image}:${2:tag} AS ${3:name}' },
  ARG: { summary: 'Declares a build argument (`--build-arg`), with an optional default. Before the first FROM it is global.', snippet: 'ARG ${1:NAME}=${2:value}' },
  RUN: { summary: 'Runs a command in a new layer; `--mount` gives it caches, secrets and other stages without keeping them.', snippet: 'RUN ${1:command}' },
  COPY: { summary: 'Copies files from the build context, or with `--from` from an earlier stage or an image.', snippet: 'COPY ${1:src} ${2:dest}' },
  ADD: { summary: 'Like COPY, and also fetches URLs and git repositories and unpacks local archives; prefer COPY for local files.', snippet: 'ADD ${1:src} ${2:dest}' },
  WORKDIR: { summary: 'Sets the working directory for the instructions that follow (created when missing).', snippet: 'WORKDIR ${1:/app}' },
  ENV: { summary: 'Sets environment variables, kept in the image and visible to every later instruction and the container.', snippet: 'ENV ${1:NAME}=${2:value}' },
  USER: { summary: 'Sets the user (and group) that later RUN instructions and the container run as.', snippet: 'USER ${1:app}' },
  EXPOSE: { summary: 'Documents the port the container listens on; publishing is up to `docker run -p`.', snippet: 'EXPOSE ${1:8080}' },
  CMD: { summary: "The container's default command (or the default arguments of ENTRYPOINT); use the exec form.", snippet: 'CMD ["${1:executable}", "${2:arg}"]' },
  ENTRYPOINT: { summary: 'The executable the container runs; CMD supplies its default arguments. Use the exec form.', snippet: 'ENTRYPOINT ["${1:executable}"]' },
  HEALTHCHECK: { summary: 'How the engine checks that the container still works.', snippet: 'HEALTHCHECK --interval=${1:30s} --timeout=${2:3s} CMD ${3:curl -fsS http://127.0.0.1:8080/health} || exit 1' },
  LABEL: { summary: 'Adds metadata (e.g. `org.opencontainers.image.source`) to the image.', snippet: 'LABEL ${1:org.opencontainers.image.source}="${2:url}"' },
  VOLUME: { summary: 'Declares a mount point whose content is kept outside the container layer.', snippet: 'VOLUME ["${1:/data}"]' },
  SHELL: { summary: 'Sets the shell that shell-form instructions run with.', snippet: 'SHELL ["${1:/bin/bash}", "-o", "pipefail", "-c"]' },
  STOPSIGNAL: { summary: 'The signal that stops the container.', snippet: 'STOPSIGNAL ${1:SIGTERM}' },
  ONBUILD: { summary: 'An instruction to run when another build uses this image as its base.', snippet: 'ONBUILD ${1:RUN command}' },
};
