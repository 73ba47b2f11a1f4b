import { defineRule } from './rule';
import { rootImageText } from './stage-state';

/** SDK images and the runtime image people usually ship instead. */
const HEAVY: readonly { readonly pattern: RegExp; readonly instead: string }[] = [
  { pattern: /^(docker\.io\/)?(library\/)?golang(:|$)/, instead: 'gcr.io/distroless/static or scratch (with CGO_ENABLED=0)' },
  { pattern: /^(docker\.io\/)?(library\/)?rust(:|$)/, instead: 'gcr.io/distroless/cc, or scratch with a musl build' },
  { pattern: /^(docker\.io\/)?(library\/)?(maven|gradle)(:|$)/, instead: 'eclipse-temurin:<version>-jre' },
  { pattern: /^(docker\.io\/)?(library\/)?(openjdk|eclipse-temurin|amazoncorretto)(:(?!.*jre).*)?$/, instead: 'eclipse-temurin:<version>-jre' },
  { pattern: /^(docker\.io\/)?(library\/)?gcc(:|$)/, instead: 'debian:<version>-slim or gcr.io/distroless/cc' },
  { pattern: /^(docker\.io\/)?(library\/)?buildpack-deps(:|$)/, instead: 'debian:<version>-slim' },
  { pattern: /^mcr\.microsoft\.com\/dotnet\/sdk(:|$)/, instead: 'mcr.microsoft.com/dotnet/aspnet or mcr.microsoft.com/dotnet/runtime' },
  { pattern: /^(docker\.io\/)?(library\/)?node(:(?!.*(slim|alpine|distroless)).*)?$/, instead: 'node:<version>-slim or node:<version>-alpine' },
  { pattern: /^(docker\.io\/)?(library\/)?python(:(?!.*(slim|alpine)).*)?$/, instead: 'python:<version>-slim' },
];

export default defineRule({
  id: 'image-heavy-runtime',
  summary: 'The stage that ships is based on a full SDK or compiler image.',
  severity: 'info',
  check({ model, shipping, report }) {
    for (const { stage: target } of shipping.shipped) {
    const image = rootImageText(model, target);
    if (!image) continue;
    const heavy = HEAVY.find((entry) => entry.pattern.test(image.toLowerCase()));
    if (!heavy) continue;
    const base = model.stages.find((stage) => stage.baseImage?.text === image && stage.index <= target.index);
    report({
      range: (base ?? target).baseImage?.range ?? target.from.range,
      message: `The image ships on '${image}', a full SDK with compilers and headers; build in an earlier stage and ship on ${heavy.instead}.`,
    });
    }
  },
});
