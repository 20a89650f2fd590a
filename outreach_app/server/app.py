"""The FastAPI application of the central service."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from starlette.exceptions import HTTPException

from outreach_app.server.codings import Compression
from outreach_app.server.db import make_engine
from outreach_app.server.deps import Service
from outreach_app.server.errors import ApiError, unavailable
from outreach_app.server.guard import Guard
from outreach_app.server.keys import ServerKeys
from outreach_app.server.planner import Statistics
from outreach_app.server.routes import router
from outreach_app.server.settings import ServerSettings, program_version

log = logging.getLogger(__name__)


def create_app(settings: ServerSettings) -> FastAPI:
    """The service for the data folder and database of ``settings``."""
    engine = make_engine(settings.db_url, background_checkpoints=True)
    svc = Service(
        settings=settings,
        engine=engine,
        keys=ServerKeys.load(settings.data),
        statistics=Statistics(engine),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        svc.engine.dispose()

    app = FastAPI(
        title="Outreach central service",
        version=program_version(),
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = svc
    app.include_router(router)
    _add_error_handlers(app)
    app.add_middleware(Compression)
    app.add_middleware(Guard)
    return app


def app_from_environment() -> FastAPI:
    """The app for uvicorn's workers: settings from ``OUTREACH_SERVER_*``."""
    app = create_app(ServerSettings())
    _tune_collector()
    return app


#: Allocations between collections of young objects (Python's default is 700).
YOUNG_COLLECTION_EVERY = 50_000


def _tune_collector() -> None:
    """A push allocates hundreds of thousands of short-lived objects; at the default
    threshold the cycle collector ran every few hundred of them. What the worker
    built at start-up is set aside, so the full collections do not walk it again."""
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, middle, old)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, error: ApiError) -> JSONResponse:
        return JSONResponse(error.body(), status_code=error.status)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        return _error(400, "bad_request", _validation_message(error))

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, error: HTTPException) -> JSONResponse:
        if error.status_code == 404:
            return _error(404, "not_found", "there is nothing at this address")
        return _error(error.status_code, "bad_request", "the request cannot be answered")

    @app.exception_handler(DBAPIError)
    async def database(_request: Request, error: DBAPIError) -> JSONResponse:
        if isinstance(error, OperationalError | InterfaceError) or error.connection_invalidated:
            log.warning("database unavailable: %s", type(error.orig).__name__)
            failure = unavailable()
            return JSONResponse(failure.body(), status_code=failure.status)
        log.error("database error: %s", type(error.orig).__name__)
        return _error(500, "bad_request", "the service failed; the request was not applied")


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


def _validation_message(error: RequestValidationError) -> str:
    """Where the body is wrong, never what it holds (values may be personal)."""
    errors = error.errors()
    if not errors:
        return "the request does not match the protocol"
    where: list[str] = []
    for part in errors[0].get("loc", ()):
        where.append(str(part))
        if part == "fields":
            break
    kind = str(errors[0].get("type", "invalid"))
    return f"the request does not match the protocol: {kind} at {'.'.join(where)}"
