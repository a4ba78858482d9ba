#!/usr/bin/env bash
# A local single-node Elasticsearch for manual runs and benchmarks, from the same test distribution the build uses.
#   store/scripts/es-node.sh start [port]   # default 9200; data kept in store/target/es-nodes/$ES_NODE_NAME (manual)
#   store/scripts/es-node.sh status | pid | stop
#   store/scripts/es-node.sh clean          # stop and delete its data
# Environment: ES_NODE_NAME (manual), ES_HEAP (512m). Needs a JDK 21+ (ES_JAVA_HOME, else found under
# /usr/lib/jvm). As root the node runs as user koubei-es.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d store/target/elasticsearch-dist ] || [ ! -f store/target/test-classes/io/koubei/store/elasticsearch/testing/ElasticsearchNode.class ]; then
  ./mvnw -q -pl store -am test-compile   # process-test-resources unpacks the distribution
fi
exec java -Dkoubei.es.distribution=store/target/elasticsearch-dist \
  -cp store/target/test-classes io.koubei.store.elasticsearch.testing.ElasticsearchNode "$@"
