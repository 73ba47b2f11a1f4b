/** Which C library an image's binaries link against, read from its name; null when unknown. */
export type Libc = 'musl' | 'glibc' | 'static';

export function libcOf(image: string | null): Libc | null {
  if (!image || image.includes('$')) return null;
  const text = image.toLowerCase();
  if (text === 'scratch' || /distroless\/static/.test(text)) return 'static';
  if (/alpine|(^|\/)busybox:.*musl/.test(text)) return 'musl';
  if (/distroless\/(base|cc|python|java|nodejs)|(^|\/)(debian|ubuntu|node|python|golang|rust|ruby|php|openjdk|eclipse-temurin|maven|gradle|buildpack-deps)(:|$)/.test(text)) {
    return 'glibc';
  }
  return null;
}
