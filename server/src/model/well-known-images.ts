/**
 * Docker Hub official images that are often used bare (`COPY --from=busybox …`). A bare name in
 * `--from` that is one of these is an image, not a misspelt stage.
 */
const WELL_KNOWN_IMAGES: ReadonlySet<string> = new Set([
  'alpine', 'amazonlinux', 'bash', 'buildpack-deps', 'busybox', 'caddy', 'centos', 'debian', 'docker',
  'eclipse-temurin', 'elixir', 'erlang', 'fedora', 'gcc', 'golang', 'gradle', 'haproxy', 'httpd', 'ibmjava',
  'jenkins', 'mariadb', 'maven', 'memcached', 'mongo', 'mysql', 'nginx', 'node', 'openjdk', 'oraclelinux',
  'perl', 'php', 'postgres', 'python', 'rabbitmq', 'redis', 'rockylinux', 'ruby', 'rust', 'scratch',
  'swift', 'tomcat', 'traefik', 'ubuntu', 'composer', 'julia', 'haskell', 'clojure', 'groovy', 'kong',
  'registry', 'vault', 'consul', 'nats', 'influxdb', 'telegraf', 'sonarqube', 'elasticsearch', 'kibana',
  'logstash', 'zookeeper', 'cassandra', 'neo4j', 'couchdb', 'ghost', 'wordpress', 'drupal', 'joomla',
  'nextcloud', 'odoo', 'redmine', 'archlinux', 'photon', 'clearlinux', 'almalinux', 'dart', 'pypy',
  'r-base', 'rakudo-star', 'satosa', 'spiped', 'storm', 'teamspeak', 'tomee', 'varnish', 'xwiki', 'yourls',
  'znc', 'bonita', 'buildkit', 'flink', 'friendica', 'gazebo', 'geonetwork', 'hylang', 'irssi', 'jetty',
  'jruby', 'kapacitor', 'lightstreamer', 'mageia', 'matomo', 'mediawiki', 'mongo-express', 'mono', 'nats-streaming',
  'neurodebian', 'nginx-unprivileged', 'open-liberty', 'orientdb', 'percona', 'plone', 'postfixadmin', 'silverpeas',
  'solr', 'sapmachine', 'amazoncorretto', 'chronograf', 'convertigo', 'eggdrop', 'emqx', 'fluentd', 'hitch',
  'ros', 'rethinkdb', 'unit', 'websphere-liberty', 'api-firewall', 'aerospike', 'backdrop', 'crate', 'ibm-semeru-runtimes',
]);

export function isWellKnownImage(name: string): boolean {
  return WELL_KNOWN_IMAGES.has(name.toLowerCase());
}
