FROM local/busybox:1 AS build
RUN echo BUILD_STAGE_RAN > /built.txt

FROM local/busybox:1 AS runtime
COPY --from=build /built.txt /built.txt
USER root
RUN echo first step > /steps.txt
RUN echo second step >> /steps.txt
CMD ["cat", "/built.txt"]
