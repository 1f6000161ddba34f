# Production's values (variables.tf says what each means): the environment's from the
# catalog, the sizes from the golden path's form. Change them here, through a merge request.
environment   = "production"
production    = true
cloud_account = "acme-prod"
region        = "europe-west1"
workload      = "basket-service"
owner         = "checkout-team"

database_tier       = "small"
database_storage_gb = 20
postgres_version    = "16"

bucket_versioning        = true
bucket_expire_after_days = 365
