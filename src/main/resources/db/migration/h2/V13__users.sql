-- Users who may sign in (security.user.UserStore): imported from the configuration at start when missing, then
-- managed through /api/admin/users. Only the bcrypt hash of a password is kept, never the password. A user holding a
-- one-time password may do nothing but change it. credentials_version grows with every change of the password, so
-- that a session or a remembered login made with an older password stops working.
create table ledger_user (
    name                varchar(64)                 not null,
    password_hash       varchar(100)                not null,
    roles               varchar(200)                not null,
    enabled             boolean                     not null,
    one_time_password   boolean                     not null,
    credentials_version bigint                      not null,
    created_at          timestamp(3) with time zone not null,
    changed_at          timestamp(3) with time zone not null,
    constraint pk_ledger_user primary key (name)
);

-- Personal API tokens, sent as "Authorization: Bearer cl_…": stored only as the SHA-256 of the token (hex).
create table api_token (
    id           varchar(36)                 not null,
    user_name    varchar(64)                 not null,
    name         varchar(100)                not null,
    roles        varchar(200)                not null,
    token_hash   varchar(64)                 not null,
    created_at   timestamp(3) with time zone not null,
    expires_at   timestamp(3) with time zone not null,
    last_used_at timestamp(3) with time zone,
    revoked_at   timestamp(3) with time zone,
    constraint pk_api_token primary key (id),
    constraint uq_api_token_hash unique (token_hash),
    constraint fk_api_token_user foreign key (user_name) references ledger_user (name)
);
create index ix_api_token_user on api_token (user_name);
