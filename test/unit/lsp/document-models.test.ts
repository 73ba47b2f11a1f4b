import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentModels } from '../../../server/src/lsp/document-models';
import { buildModel } from '../../../server/src/model/model-builder';
import type { DockerfileModel } from '../../../server/src/model/types';

const TEXT = 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\nCMD ["/app"]\n';

/** What a model says, as plain data: stages with their instructions and where they are. */
function shape(model: DockerfileModel): unknown {
  return model.stages.map((stage) => ({
    name: stage.name,
    instructions: stage.instructions.map((i) => [i.keyword, i.range.start.line, i.range.end.character, i.args.map((a) => a.value)]),
  }));
}

describe('the models of open documents', () => {
  it('gives a file closed and opened again its model back, and parses its next edit as before', () => {
    const models = new DocumentModels();
    const uri = 'file:///work/app/Dockerfile';
    const first = models.get(TextDocument.create(uri, 'dockerfile', 1, TEXT));
    models.delete(uri);
    const reopened = TextDocument.create(uri, 'dockerfile', 1, TEXT);
    assert.equal(models.get(reopened), first);
    const edited = TextDocument.update(reopened, [{ range: { start: { line: 1, character: 22 }, end: { line: 1, character: 22 } }, text: ' ./cmd' }], 2);
    assert.deepEqual(shape(models.get(edited)), shape(buildModel(edited.getText())));
  });

  it('builds a new model for another text, and keeps only the last closed files', () => {
    const models = new DocumentModels();
    const first = models.get(TextDocument.create('file:///a/Dockerfile', 'dockerfile', 1, TEXT));
    models.delete('file:///a/Dockerfile');
    assert.notEqual(models.get(TextDocument.create('file:///a/Dockerfile', 'dockerfile', 1, `${TEXT}EXPOSE 80\n`)), first);
    const kept = models.get(TextDocument.create('file:///b/Dockerfile', 'dockerfile', 1, TEXT));
    models.delete('file:///b/Dockerfile');
    for (let i = 0; i < 16; i++) {
      models.get(TextDocument.create(`file:///c${i}/Dockerfile`, 'dockerfile', 1, `${TEXT}# ${i}\n`));
      models.delete(`file:///c${i}/Dockerfile`);
    }
    assert.notEqual(models.get(TextDocument.create('file:///b/Dockerfile', 'dockerfile', 1, TEXT)), kept);
  });
});
