import type { Position, SignatureHelp } from 'vscode-languageserver-types';
import { lineText } from '../model/queries';
import type { DockerfileModel } from '../model/types';
import { INSTRUCTIONS } from './instruction-docs';

/** The positional arguments of each instruction that has them, as the reference writes them. */
const SIGNATURES: Readonly<Record<string, readonly string[]>> = {
  FROM: ['[--platform=<platform>]', '<image>[:<tag>|@<digest>]', '[AS', '<name>]'],
  COPY: ['[--from=<stage>] [--chown=<user>:<group>] [--chmod=<perms>] [--link]', '<src>...', '<dest>'],
  ADD: ['[--chown=<user>:<group>] [--chmod=<perms>] [--checksum=<hash>]', '<src>...', '<dest>'],
  ARG: ['<name>[=<default value>]'],
  ENV: ['<key>=<value>', '[<key>=<value>...]'],
  LABEL: ['<key>=<value>', '[<key>=<value>...]'],
  EXPOSE: ['<port>[/<protocol>]', '[<port>[/<protocol>]...]'],
  USER: ['<user>[:<group>]'],
  WORKDIR: ['<path>'],
  STOPSIGNAL: ['<signal>'],
  HEALTHCHECK: ['[--interval=30s] [--timeout=30s] [--start-period=0s] [--retries=3]', 'CMD', '<command>'],
  ONBUILD: ['<INSTRUCTION>'],
};

/**
 * Signature help on the first line of an instruction with positional arguments: the form the
 * reference gives and the argument the cursor is on (flags count as the first one).
 */
export function signatureHelp(model: DockerfileModel, position: Position): SignatureHelp | null {
  const before = lineText(model, position.line).slice(0, position.character);
  const match = /^\s*([A-Za-z]+)(\s.*)$/.exec(before);
  if (!match) return null;
  const keyword = (match[1] as string).toUpperCase();
  const parameters = SIGNATURES[keyword];
  if (!parameters) return null;
  const words = (match[2] as string).trimStart().split(/\s+/);
  const current = words[words.length - 1] ?? '';
  // Arguments written before the one under the cursor, flags left out.
  const done = words.slice(0, -1).filter((word) => !word.startsWith('--')).length;
  const flagsFirst = parameters.length > 1 && parameters[0]?.startsWith('[--') ? 1 : 0;
  const active = flagsFirst && current.startsWith('-') ? 0 : Math.min(parameters.length - 1, flagsFirst + done);
  const label = `${keyword} ${parameters.join(' ')}`;
  let offset = keyword.length + 1;
  const spans = parameters.map((parameter) => {
    const span: [number, number] = [offset, offset + parameter.length];
    offset += parameter.length + 1;
    return { label: span };
  });
  return {
    signatures: [{ label, documentation: INSTRUCTIONS[keyword]?.summary ?? '', parameters: spans }],
    activeSignature: 0,
    activeParameter: active,
  };
}
