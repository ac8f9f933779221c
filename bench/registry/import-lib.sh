# Sourced by the registry benchmarks: import_register GATEWAY TOKEN CSV uploads the CSV to the registry's import
# through the gateway, polls the job every 0.2 s (at most 4 minutes) until it is DONE or FAILED, and sets
# IMPORT_SECONDS (from the upload to the answer DONE), IMPORT_STATUS and IMPORT_LOCATION (the job's URL).
import_register() {
  local gw="$1" token="$2" csv="$3" start location end
  start=$(date +%s.%N)
  location=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: text/csv; charset=UTF-8' \
    --data-binary "@$csv" "$gw/api/registry/imports" | grep -i '^location:' | tr -d '\r' | awk '{print $2}')
  IMPORT_LOCATION="$gw$(echo "$location" | sed -E 's#^https?://[^/]+##')"
  IMPORT_STATUS=
  for _ in $(seq 1 1200); do
    IMPORT_STATUS=$(curl -s -H "Authorization: Bearer $token" "$IMPORT_LOCATION" | sed 's/.*"status":"\([A-Z]*\)".*/\1/')
    [ "$IMPORT_STATUS" = DONE ] || [ "$IMPORT_STATUS" = FAILED ] && break
    sleep 0.2
  done
  end=$(date +%s.%N)
  IMPORT_SECONDS=$(echo "$end - $start" | bc)
}
