import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import { TOKEN_MODIFIERS, TOKEN_TYPES, type SemanticToken } from '../features/semantic-tokens';

export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

/** The protocol's relative encoding of tokens given in document order. */
export function encodeTokens(tokens: readonly SemanticToken[]): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  for (const token of tokens) {
    builder.push(token.line, token.character, token.length, TOKEN_TYPES.indexOf(token.type), token.declaration ? 1 : 0);
  }
  return builder.build();
}
