-- Failed logins per user name and per source address (security.LoginThrottle), shared by every node on the database
-- so that a lockout holds whichever node a client tries next. Rows of lockouts long past are deleted by the nodes.
create table login_failure (
    kind         varchar(8)                  not null,
    subject      varchar(255)                not null,
    failures     integer                     not null,
    last_failure timestamp(3) with time zone not null,
    constraint pk_login_failure primary key (kind, subject)
);
create index ix_login_failure_last on login_failure (last_failure);
