# Production's values (variables.tf says what each means): the environment's from the
# catalog, the sizes from the golden path's form. Change them here, through a merge request.
environment   = "production"
production    = true
cloud_account = "acme-prod"
region        = "europe-west1"
workload      = "stock-reservations"
owner         = "catalog-team"

database_tier       = "medium"
database_storage_gb = 100
postgres_version    = "17"
